package com.housecall.gateway;

import static com.housecall.gateway.GatewayTestSupport.json;
import static com.housecall.gateway.GatewayTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.events.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

/** CONTRACT.md section 13: the API documents and their Swagger UI answer without a token. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=gateway")
class ApiDocsIT extends GatewayIntegration {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void swaggerUiAnswersWithoutATokenWithItsOwnAssets() {
        HttpResponse<String> page = get("/api-docs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        // every script and style the page loads is served here: no CDN
        List<String> assets = new ArrayList<>();
        Matcher links = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        while (links.find()) {
            assets.add(links.group(1));
        }
        assertThat(assets).contains("/api-docs/ui/swagger-ui-bundle.js", "/api-docs/housecall/initializer.js");
        assets.stream().filter(asset -> asset.endsWith(".js") || asset.endsWith(".css"))
                .forEach(asset -> assertThat(get(asset).statusCode()).as(asset).isEqualTo(200));

        JsonNode config = json(get("/api-docs/swagger-config"));
        assertThat(config.path("urls").findValuesAsString("url")).containsExactly("/api-docs/openapi/booking",
                "/api-docs/openapi/screening", "/api-docs/openapi/dispatch", "/api-docs/openapi/notification",
                "/api-docs/openapi/ops");
    }

    @ParameterizedTest
    @ValueSource(strings = {"booking", "screening", "dispatch", "notification", "ops"})
    void eachServiceDocumentIsForwardedUnchangedWithoutAToken(String name) {
        backend.reset();
        HttpResponse<String> answer = get("/api-docs/openapi/" + name);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).path("path").asString()).isEqualTo("/api-docs/openapi/" + name);
        assertThat(json(answer).path("headers").has("authorization")).isFalse();
    }

    @Test
    void eachDocumentNameGoesToAServiceWithTargets() {
        GatewayProperties.Targets targets = new GatewayProperties.Targets(List.of(URI.create("http://booking")),
                List.of(URI.create("http://screening")), List.of(URI.create("http://dispatch")),
                List.of(URI.create("http://notification")), List.of(URI.create("http://console")));

        assertThat(GatewayProperties.Targets.apiDocuments()).containsExactly(Map.entry("booking", "booking"),
                Map.entry("screening", "screening"), Map.entry("dispatch", "dispatch"),
                Map.entry("notification", "notification"), Map.entry("ops", "console"));
        GatewayProperties.Targets.apiDocuments().forEach((document, service) ->
                assertThat(targets.of(service)).containsExactly(URI.create("http://" + service)));
    }

    @Test
    void anUnknownDocumentIsNotFoundAndAnotherMethodStillNeedsNothingForwarded() {
        assertThat(get("/api-docs/openapi/billing").statusCode()).isEqualTo(404);
    }

    @Test
    void asyncApiAnswersWithoutATokenWithEveryTopic() {
        HttpResponse<String> answer = get("/api-docs/asyncapi");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode document = json(answer);
        assertThat(document.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(document.path("channels").findValuesAsString("address"))
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    /**
     * Each test on connections of its own: once in three CI runs a document request sent on a keep-alive connection
     * that had carried the UI's static assets reached the gateway only 20 s later (see the closing note of
     * 2026-12-06); what this class checks is the documents, not connection reuse.
     */
    private HttpResponse<String> get(String path) {
        return GatewayTestSupport.send(http, request(port, path).GET().build());
    }
}
