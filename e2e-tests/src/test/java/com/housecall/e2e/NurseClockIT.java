package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.e2e.Journey.Answer;
import com.housecall.e2e.Journey.Patient;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 12 and CONTRACT 11: nurse status moves follow the clock. {@code nurse1} (a real Keycloak login) cannot
 * set off for a visit weeks away, and is told from when it is possible; the patient hears nothing of it.
 */
class NurseClockIT {

    /** A California ZIP prefix no demo nurse serves: given to nurse1 only, it makes them the one dispatched. */
    static final String NURSE1_ONLY_PREFIX = "962";
    /** The demo roster derives ids from the username (DemoRoster). */
    static final UUID NURSE1 = UUID.nameUUIDFromBytes("housecall-demo-nurse:nurse1".getBytes(StandardCharsets.UTF_8));

    final Journey journey = new Journey();

    @BeforeAll
    static void start() {
        Platform.shared();
    }

    void giveNurse1TheOnlyPrefix() throws Exception {
        giveNurse1TheOnlyPrefix(journey);
    }

    /** Visits in {@link #NURSE1_ONLY_PREFIX} go to nurse1: a test can then move them as nurse1 through the gateway. */
    static void giveNurse1TheOnlyPrefix(Journey journey) throws Exception {
        ObjectNode nurse = (ObjectNode) journey.ok("operator1", "GET", "/api/nurses/" + NURSE1, null);
        ArrayNode prefixes = (ArrayNode) nurse.get("serviceAreaPrefixes");
        if (Journey.strings(prefixes).contains(NURSE1_ONLY_PREFIX)) {
            return;
        }
        prefixes.add(NURSE1_ONLY_PREFIX);
        journey.ok("operator1", "PUT", "/api/nurses/" + NURSE1, Journey.JSON.writeValueAsString(nurse));
    }

    Optional<JsonNode> nurse1Visit(String visitId) throws Exception {
        return nurse1Visit(journey, visitId);
    }

    static Optional<JsonNode> nurse1Visit(Journey journey, String visitId) throws Exception {
        for (int page = 0; ; page++) {
            JsonNode answer = journey.ok("nurse1", "GET", "/api/nurse/visits?size=100&page=" + page, null);
            for (JsonNode visit : answer.get("items")) {
                if (visit.get("visitId").asString().equals(visitId)) {
                    return Optional.of(visit);
                }
            }
            if (answer.get("items").isEmpty()) {
                return Optional.empty();
            }
        }
    }

    @Test
    void aNurseSettingOffForAVisitWeeksAwayGets409SayingWhenItBecomesPossible() throws Exception {
        giveNurse1TheOnlyPrefix();
        Patient patient = Patient.in("CA", "America/Los_Angeles", NURSE1_ONLY_PREFIX + "01");
        String id = journey.submit(Journey.request(patient, 2, 0, 20));
        journey.awaitStatus(id, "CONFIRMED");
        JsonNode first = Journey.visits(journey.view(id)).getFirst();
        String visitId = first.get("id").asString();
        OffsetDateTime start = OffsetDateTime.parse(first.get("start").asString());
        assertThat(start).isAfter(OffsetDateTime.now().plusDays(15));
        await().atMost(Journey.PATIENCE).until(() -> nurse1Visit(visitId).isPresent());

        Answer early = journey.send("nurse1", "POST", "/api/nurse/visits/" + visitId + "/status",
                "{\"status\": \"EN_ROUTE\"}");

        assertThat(early.status()).as(early.text()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        String detail = early.body().get("detail").asString();
        Matcher from = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[-+]\\d{2}:\\d{2}").matcher(detail);
        assertThat(from.find()).as("says from when EN_ROUTE is possible: " + detail).isTrue();
        // CONTRACT 11: on the way at most 3 h before the start
        assertThat(OffsetDateTime.parse(from.group()).toInstant()).isEqualTo(start.minusHours(3).toInstant());
        assertThat(nurse1Visit(visitId).orElseThrow().get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(Journey.visit(journey.view(id), visitId).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(journey.sms(patient)).as("SMS to the patient").noneMatch(t -> t.contains("on the way"));
    }
}
