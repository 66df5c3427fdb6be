package com.housecall.e2e;

import static com.housecall.e2e.Journey.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.e2e.Journey.Patient;
import com.housecall.events.EventTypes;
import com.housecall.testsupport.TopicRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * CONTRACT 13 and DECISIONS 32: one consultation, from the gateway's POST to its SMS, is one trace. Every record it
 * caused, on every topic, carries that trace's traceparent and the gateway's correlation id, and each service
 * that handled it wrote JSON log lines with that trace id. The trace's spans are written to
 * {@code target/traces/one-consultation.txt}.
 */
class OneTracePerConsultationIT {

    private static final List<String> SERVICES = List.of("booking-service", "screening-service", "dispatch-service",
            "notification-service", "operator-console");

    static TopicRecorder topics;
    static JsonLogLines logs;
    final Journey journey = new Journey();
    final Platform platform = journey.platform;

    @BeforeAll
    static void start() {
        topics = TopicRecorder.start(ConsultationFlowIT.ALL_TOPICS.toArray(String[]::new));
        Platform.shared();
        logs = JsonLogLines.attach();
    }

    @AfterAll
    static void stop() {
        topics.close();
        logs.detach();
    }

    @Test
    void oneConsultationIsOneTraceOnEveryTopicAndInEveryServicesLogs() throws Exception {
        Patient patient = Patient.fresh();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.gateway.url() + "/api/consultations"))
                .header("Authorization", "Bearer " + platform.token(Journey.PATIENT))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Journey.request(patient, 2, 0, 2))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isBetween(200, 299);
        String id = Journey.JSON.readTree(created.body()).get("id").asString();
        String correlationId = created.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(UUID.fromString(correlationId)).as("the gateway's own id, as the client sent none").isNotNull();

        journey.awaitStatus(id, "CONFIRMED");
        await().atMost(PATIENCE).until(() -> !journey.sms(patient).isEmpty() && sent(id).size() >= 2);

        List<TopicRecorder.Received> records = topics.matching(r -> id.equals(r.key()));
        assertThat(records).extracting(TopicRecorder.Received::topic)
                .containsAll(ConsultationFlowIT.ALL_TOPICS);
        Set<String> traceIds = records.stream().map(r -> traceIdOf(r.header("traceparent")))
                .collect(Collectors.toSet());
        assertThat(traceIds).as("one trace id on every record of the consultation").hasSize(1);
        String traceId = traceIds.iterator().next();
        assertThat(records).allSatisfy(r -> assertThat(r.header("correlation-id")).as(r.header("ce_type"))
                .isEqualTo(correlationId));

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<JsonNode> lines = logs.parsed().stream()
                    .filter(line -> traceId.equals(line.path("traceId").asString(null))).toList();
            for (String service : SERVICES) {
                assertThat(lines).as(service + " logged in the trace")
                        .anySatisfy(line -> assertThat(line.path("message").asString()).endsWith(" in " + service));
            }
            assertThat(lines).allSatisfy(line -> assertThat(line.path("correlationId").asString())
                    .isEqualTo(correlationId));
        });
        List<String> gatewayLines = Files.readAllLines(Path.of("target", "gateway.log")).stream()
                .filter(line -> line.startsWith("{")).toList();
        assertThat(gatewayLines).as("the gateway's JSON line of the POST")
                .anySatisfy(line -> assertThat(Journey.JSON.readTree(line).path("traceId").asString(null))
                        .isEqualTo(traceId));

        await().atMost(PATIENCE).until(() -> platform.spans.ofTrace(traceId).stream()
                .anyMatch(span -> span.getName().startsWith("notify")));
        Path listing = Path.of("target", "traces", "one-consultation.txt");
        Files.createDirectories(listing.getParent());
        Files.writeString(listing, TraceListing.of(traceId, platform.spans.ofTrace(traceId)));
    }

    private List<TopicRecorder.Received> sent(String id) {
        return topics.matching(r -> id.equals(r.key()) && EventTypes.NOTIFICATION_SENT.equals(r.header("ce_type")));
    }

    /** {@code 00-<trace id>-<span id>-<flags>}; a record without one has none. */
    private static String traceIdOf(String traceparent) {
        return traceparent == null ? "none" : traceparent.split("-")[1];
    }
}
