package com.housecall.gateway;

import static com.housecall.gateway.GatewayTestSupport.get;
import static com.housecall.gateway.GatewayTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.DevJwt;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * The callers' limits, told once for both stores: clinic-a's 61st call in the minute is refused with Retry-After and
 * not forwarded, clinic-b still gets through; a patient is counted apart from the clinics, per account, and staff
 * are not counted. The gateway's clock stands at
 * {@link #NOW}, 30 s into a minute.
 */
final class ClinicRateLimitScenario {

    static final Instant NOW = Instant.parse("2030-01-01T09:15:30Z");

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    private ClinicRateLimitScenario() {
    }

    static void run(int port, StubBackend backend) {
        String clinicA = DevJwt.token("clinic-a");
        IntStream.rangeClosed(1, 60).forEach(call -> {
            HttpResponse<String> response = get(port, "/api/referrals?call=" + call, clinicA);
            assertThat(response.statusCode()).as("call %d", call).isEqualTo(200);
        });
        assertThat(backend.received("/api/referrals")).hasSize(60);

        HttpResponse<String> sixtyFirst = get(port, "/api/referrals?call=61", clinicA);

        assertThat(sixtyFirst.statusCode()).isEqualTo(429);
        assertThat(sixtyFirst.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(sixtyFirst.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        JsonNode outcome = json(sixtyFirst);
        assertThat(outcome.path("resourceType").asString()).isEqualTo("OperationOutcome");
        assertThat(outcome.path("issue").get(0).path("code").asString()).isEqualTo("throttled");
        assertThat(backend.received("/api/referrals")).hasSize(60);

        // the limit is per client, whatever the path: problem+json outside the FHIR API
        HttpResponse<String> elsewhere = get(port, "/api/consultations", clinicA);
        assertThat(elsewhere.statusCode()).isEqualTo(429);
        assertThat(elsewhere.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(elsewhere.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(elsewhere).path("status").asInt()).isEqualTo(429);
        assertThat(backend.received("/api/consultations")).isEmpty();

        assertThat(get(port, "/api/referrals", DevJwt.token("clinic-b")).statusCode()).isEqualTo(200);
        String patient = DevJwt.token("patient1");
        IntStream.rangeClosed(1, 60).forEach(call ->
                assertThat(get(port, "/api/consultations", patient).statusCode()).as("call %d", call).isEqualTo(200));
        HttpResponse<String> patientsSixtyFirst = get(port, "/api/consultations", patient);
        assertThat(patientsSixtyFirst.statusCode()).isEqualTo(429);
        assertThat(patientsSixtyFirst.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(json(patientsSixtyFirst).path("status").asInt()).isEqualTo(429);
        assertThat(get(port, "/api/consultations", DevJwt.token("patient2")).statusCode()).isEqualTo(200);
        String operator = DevJwt.token("operator1");
        IntStream.rangeClosed(1, 61).forEach(call ->
                assertThat(get(port, "/api/consultations", operator).statusCode()).as("call %d", call).isEqualTo(200));
    }
}
