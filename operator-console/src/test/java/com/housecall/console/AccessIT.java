package com.housecall.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.DevJwt;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CONTRACT.md section 2: {@code /api/ops/**} is the operators' alone; the page itself is public. */
class AccessIT extends ConsoleIntegration {

    private static final List<String> NOT_OPERATORS = List.of("patient1", "nurse1", "clinician1", "clinic-a");

    @Test
    void onlyOperatorsGetIn() throws Exception {
        String timeline = "/api/ops/consultations/" + UUID.randomUUID() + "/timeline";
        for (String path : List.of("/api/ops/events", timeline, "/api/ops/dead-letters")) {
            assertThat(get(null, path).statusCode()).as(path).isEqualTo(401);
            assertThat(get(null, path).headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            for (String user : NOT_OPERATORS) {
                assertThat(get(user, path).statusCode()).as(user + " " + path).isEqualTo(403);
            }
        }
        String replay = "/api/ops/dead-letters/x:0:0/replay";
        assertThat(post(null, replay).statusCode()).isEqualTo(401);
        for (String user : NOT_OPERATORS) {
            assertThat(post(user, replay).statusCode()).as(user).isEqualTo(403);
        }
        try (SseClient stream = stream("nurse1", "/api/ops/events", null)) {
            assertThat(stream.status()).isEqualTo(403);
        }
        // an operator gets past the role check: the consultation is unknown, so 404 (not 403)
        assertThat(get("operator1", timeline).statusCode()).isEqualTo(404);
    }

    @Test
    void aBadTokenIsRefused() throws Exception {
        String expired = DevJwt.token("operator1", claims -> claims.audience("someone-else"));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/ops/dead-letters"))
                .header("Authorization", "Bearer " + expired).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void thePageAndItsLoginSettingsArePublic() throws Exception {
        HttpResponse<String> page = get(null, "/ops/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Housecall operators");
        // one login for every page: the gateway's, as the page is reached through the gateway at /ops/
        assertThat(page.body()).contains("<script src=\"/shared/auth.js\"></script>");
        // issue 21: the page ran without a Content-Security-Policy
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "connect-src 'self' http://localhost:", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        HttpResponse<String> config = get(null, "/ops/config.json");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(json(config).path("clientId").asString()).isEqualTo("housecall-ops");
        assertThat(json(config).path("issuer").asString()).endsWith("/realms/housecall");
        assertThat(get(null, "/ops/app.js").statusCode()).isEqualTo(200);
    }
}
