package com.housecall.gateway;

import static com.housecall.gateway.GatewayTestSupport.request;
import static com.housecall.gateway.GatewayTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** CONTRACT.md section 12: the pages the gateway serves itself, their redirects and their policy. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"spring.config.name=gateway",
        "housecall.gateway.web.browser-issuer=http://localhost:8180/realms/housecall"})
class WebAppsIT extends GatewayIntegration {

    @ParameterizedTest
    @ValueSource(strings = {"/app", "/clinician", "/nurse", "/ops"})
    void aPageWithoutItsSlashRedirectsToTheSameHostAndPortWithIt(String path) {
        HttpResponse<String> response = send(request(port, path + "?from=sms").GET().build());

        assertThat(response.statusCode()).isEqualTo(302);
        // relative: the browser stays on the address it used, never a service's internal port (issue 17)
        assertThat(response.headers().firstValue("Location")).hasValue(path + "/?from=sms");
        assertThat(backend.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/", "/clinician/", "/clinician/cases/0b1c7d8e-1f2a-4b3c-9d4e-5f6a7b8c9d0e", "/nurse/",
            "/nurse/visits/0b1c7d8e-1f2a-4b3c-9d4e-5f6a7b8c9d0e"})
    void thePagesAreServedWithTheirContentSecurityPolicyAndNoToken(String path) {
        HttpResponse<String> response = send(request(port, path).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("/shared/auth.js");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "connect-src 'self' http://localhost:8180", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(backend.received()).isEmpty();
    }

    @Test
    void eachPageLogsInWithItsOwnPublicClient() {
        assertThat(send(request(port, "/app/config.json").GET().build()).body())
                .contains("\"clientId\":\"housecall-web\"", "\"issuer\":\"http://localhost:8180/realms/housecall\"");
        assertThat(send(request(port, "/clinician/config.json").GET().build()).body())
                .contains("\"clientId\":\"housecall-clinician\"");
        assertThat(send(request(port, "/nurse/config.json").GET().build()).body())
                .contains("\"clientId\":\"housecall-web\"");
    }

    @Test
    void theScriptsAndStylesComeFromTheGatewaysOwnClasspath() {
        for (String asset : new String[] {"/shared/auth.js", "/shared/web.css", "/app/app.js", "/app/zones.js",
            "/clinician/clinician.js", "/nurse/nurse.js"}) {
            HttpResponse<String> response = send(request(port, asset).GET().build());
            assertThat(response.statusCode()).as(asset).isEqualTo(200);
        }
        assertThat(send(request(port, "/app/missing.js").GET().build()).statusCode()).isEqualTo(404);
    }

    @Test
    void crisisResourcesNeedNoTokenAndGoToBooking() {
        HttpResponse<String> response = send(request(port, "/api/crisis-resources").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.received("/api/crisis-resources")).hasSize(1);
    }
}
