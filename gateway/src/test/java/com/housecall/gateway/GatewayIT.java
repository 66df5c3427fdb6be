package com.housecall.gateway;

import static com.housecall.gateway.GatewayTestSupport.ALLOWED_ORIGIN;
import static com.housecall.gateway.GatewayTestSupport.get;
import static com.housecall.gateway.GatewayTestSupport.json;
import static com.housecall.gateway.GatewayTestSupport.request;
import static com.housecall.gateway.GatewayTestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.DevJwt;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import tools.jackson.databind.JsonNode;

/** The edge in front of a stub service: authentication, pass-through, correlation ids, body limit, CORS, retries. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=gateway")
class GatewayIT extends GatewayIntegration {

    @Test
    void aCallWithoutTokenIsRejectedWithProblemJsonAndNeverForwarded() {
        HttpResponse<String> response = send(request(port, "/api/consultations").GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(401);
        assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
        assertThat(problem.path("type").asString()).isEqualTo("about:blank");
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
        assertThat(backend.received()).isEmpty();
    }

    @Test
    void aValidTokenIsForwardedWithAGeneratedCorrelationIdThatIsEchoed() {
        String token = DevJwt.token("patient1");

        HttpResponse<String> response = get(port, "/api/consultations?page=1", token);

        assertThat(response.statusCode()).isEqualTo(200);
        StubBackend.Received forwarded = backend.received("/api/consultations").getFirst();
        assertThat(forwarded.method()).isEqualTo("GET");
        assertThat(forwarded.header("Authorization")).isEqualTo("Bearer " + token);
        assertThat(json(response).path("query").asString()).isEqualTo("page=1");
        String correlationId = forwarded.header("X-Correlation-Id");
        assertThat(UUID.fromString(correlationId)).isNotNull();
        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly(correlationId);
        assertThat(forwarded.header("traceparent")).as("the proxy call continues the request's trace")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void aCallersCorrelationIdIsEchoedButNeverForwarded() {
        HttpResponse<String> response = send(request(port, "/api/screenings/review-queue")
                .header("Authorization", "Bearer " + DevJwt.token("clinician1"))
                .header("X-Correlation-Id", "web-1234").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        String forwarded = backend.received().getFirst().header("X-Correlation-Id");
        assertThat(UUID.fromString(forwarded)).as("the gateway's own id goes to the service").isNotNull();
        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("web-1234");
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("/api/consultations", "patient1"),
                Arguments.of("/api/consultations/6f1c/cancel", "patient1"),
                Arguments.of("/api/referrals", "clinic-b"),
                Arguments.of("/api/fhir/Task/1", "clinic-b"),
                Arguments.of("/api/screenings/review-queue", "clinician1"),
                Arguments.of("/api/nurse/visits", "nurse1"),
                Arguments.of("/api/nurses", "operator1"),
                Arguments.of("/api/visits/6f1c/record", "clinician1"),
                Arguments.of("/api/nurses/6f1c/visits", "operator1"),
                Arguments.of("/api/visits/6f1c/reassign", "operator1"),
                Arguments.of("/api/notifications", "operator1"),
                Arguments.of("/api/ops/dead-letters", "operator1"),
                Arguments.of("/api/ops/events", "operator1"));
    }

    @ParameterizedTest
    @MethodSource("routes")
    void everyApiRouteIsForwardedWithItsPathUnchanged(String path, String user) {
        HttpResponse<String> response = get(port, path, DevJwt.token(user));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("path").asString()).isEqualTo(path);
    }

    @Test
    void theConsolePagesNeedNoToken() {
        HttpResponse<String> response = send(request(port, "/ops/").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.received("/ops/")).hasSize(1);
    }

    static Stream<Arguments> badTokens() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String valid = DevJwt.token("patient1");
        String[] parts = valid.split("\\.");
        String otherPayload = DevJwt.token("operator1").split("\\.")[1];
        return Stream.of(
                Arguments.of("wrong audience", DevJwt.token("patient1", claims -> claims.audience("account"))),
                Arguments.of("expired", DevJwt.token("patient1", claims -> claims
                        .issueTime(Date.from(past)).expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))))),
                Arguments.of("foreign issuer", DevJwt.token("patient1",
                        claims -> claims.issuer("http://localhost:8180/realms/elsewhere"))),
                Arguments.of("tampered", parts[0] + "." + otherPayload + "." + parts[2]),
                Arguments.of("not a JWT", "not-a-token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenIsRejected(String why, String token) {
        HttpResponse<String> response = get(port, "/api/consultations", token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("status").asInt()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("audience", "expired", "issuer", "Jwt");
        assertThat(backend.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/notifications/sms/inbound", "/api/notifications/sms/status"})
    void theTwilioWebhooksPassWithoutToken(String path) {
        HttpResponse<String> response = send(request(port, path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", "c2lnbmF0dXJl")
                .POST(BodyPublishers.ofString("MessageSid=SM1&MessageStatus=delivered")).build());

        assertThat(response.statusCode()).isEqualTo(200);
        StubBackend.Received forwarded = backend.received(path).getFirst();
        assertThat(forwarded.method()).isEqualTo("POST");
        assertThat(forwarded.header("X-Twilio-Signature")).isEqualTo("c2lnbmF0dXJl");
        assertThat(forwarded.header("Authorization")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/fhir/metadata", "/api/fhir/.well-known/smart-configuration"})
    void theFhirDiscoveryDocumentsPassWithoutToken(String path) {
        HttpResponse<String> response = send(request(port, path).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.received(path)).hasSize(1);
    }

    @Test
    void onlyPostOnTheWebhooksIsOpen() {
        HttpResponse<String> response = send(request(port, "/api/notifications/sms/inbound").GET().build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(backend.received()).isEmpty();
    }

    @Test
    void aBodyOver64KiBIsRejectedWith413AndNotForwarded() {
        HttpResponse<String> response = send(request(port, "/api/consultations")
                .header("Authorization", "Bearer " + DevJwt.token("patient1"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(new byte[65 * 1024])).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("status").asInt()).isEqualTo(413);
        assertThat(backend.received()).isEmpty();
    }

    @Test
    void aChunkedBodyOver64KiBIsRejectedToo() {
        HttpResponse<String> response = send(request(port, "/api/consultations")
                .header("Authorization", "Bearer " + DevJwt.token("patient1"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[65 * 1024]))).build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(backend.received()).isEmpty();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsForwardedWhole() {
        HttpResponse<String> response = send(request(port, "/api/consultations")
                .header("Authorization", "Bearer " + DevJwt.token("patient1"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[64 * 1024]))).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.received().getFirst().bodyLength()).isEqualTo(64 * 1024);
    }

    /** Section 5 and the FHIR base (DECISIONS 3): partner clinics speak FHIR, the gateway's own errors included. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/referrals", "/api/fhir/ServiceRequest"})
    void partnerErrorsAreOperationOutcomes(String create) {
        HttpResponse<String> unauthorized = send(request(port, create + "/123").GET().build());
        HttpResponse<String> tooLarge = send(request(port, create)
                .header("Authorization", "Bearer " + DevJwt.token("clinic-a"))
                .header("Content-Type", "application/fhir+json")
                .POST(BodyPublishers.ofByteArray(new byte[65 * 1024])).build());

        assertOperationOutcome(unauthorized, 401, "login");
        assertOperationOutcome(tooLarge, 413, "too-costly");
        assertThat(backend.received()).isEmpty();
    }

    static void assertOperationOutcome(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        JsonNode outcome = json(response);
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        JsonNode issue = outcome.path("issue").get(0);
        assertThat(issue.path("severity").asString()).isEqualTo("error");
        assertThat(issue.path("code").asString()).isEqualTo(code);
        assertThat(issue.path("diagnostics").asString()).isNotBlank();
    }

    @Test
    void anUnknownApiPathIsA404Problem() {
        HttpResponse<String> response = get(port, "/api/nowhere", DevJwt.token("operator1"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() {
        HttpResponse<String> response = send(preflight(ALLOWED_ORIGIN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("POST"));
        assertThat(backend.received()).isEmpty();
    }

    @Test
    void aPreflightFromAnotherOriginIsNot() {
        HttpResponse<String> response = send(preflight("https://evil.example"));

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(backend.received()).isEmpty();
    }

    @Test
    void aCrossOriginCallCarriesOneAllowOriginAndExposesTheCorrelationId() {
        HttpResponse<String> response = send(request(port, "/api/consultations")
                .header("Authorization", "Bearer " + DevJwt.token("patient1"))
                .header("Origin", ALLOWED_ORIGIN).GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValueSatisfying(
                exposed -> assertThat(exposed).containsIgnoringCase("X-Correlation-Id"));
    }

    private java.net.http.HttpRequest preflight(String origin) {
        return request(port, "/api/consultations")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", BodyPublishers.noBody()).build();
    }

    @Test
    void aGetIsRetriedWhenTheServiceIsUnavailable() {
        backend.failNext(503);

        HttpResponse<String> response = get(port, "/api/nurse/visits", DevJwt.token("nurse1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(backend.received("/api/nurse/visits")).hasSize(2);
    }

    @Test
    void aPostIsNeverRetried() {
        backend.failNext(503);

        HttpResponse<String> response = send(request(port, "/api/consultations")
                .header("Authorization", "Bearer " + DevJwt.token("patient1"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(backend.received("/api/consultations")).hasSize(1);
    }

    @Test
    void aServiceErrorIsPassedThroughNotRetried() {
        backend.failNext(500);

        HttpResponse<String> response = get(port, "/api/nurse/visits", DevJwt.token("nurse1"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(backend.received()).hasSize(1);
    }
}
