package com.housecall.e2e;

import static com.housecall.e2e.Journey.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.e2e.Journey.Patient;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.testsupport.TopicRecorder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 12 (DECISIONS 14): an operator can take a nurse out of dispatch, and time off over a booked visit is not
 * accepted silently: either way the visit goes to another nurse at the same time and the patient is told. Three
 * roster nurses of this test's own, the only ones serving ZIP prefix 963, so no other test's visit moves.
 */
class NurseRosterIT {

    static final String PREFIX = "963";

    static TopicRecorder topics;
    final Journey journey = new Journey();

    @BeforeAll
    static void start() {
        topics = TopicRecorder.start(Topics.DISPATCH_EVENTS);
        Platform.shared();
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    String addNurse(String displayName) throws Exception {
        String nurse = """
                {"displayName": "%s", "username": "nurse-e2e-%s", "timeZone": "America/Los_Angeles",
                 "licenseStates": ["CA"], "skills": ["IV_THERAPY", "ACLS"], "homePostalCode": "%s01",
                 "serviceAreaPrefixes": ["%s"], "timeOff": [], "shifts": [%s]}""".formatted(displayName,
                UUID.randomUUID().toString().substring(0, 8), PREFIX, PREFIX, String.join(", ", List.of("MONDAY",
                        "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY").stream()
                        .map(day -> "{\"dayOfWeek\": \"" + day + "\", \"start\": \"07:00\", \"end\": \"19:00\"}").toList()));
        return journey.ok("operator1", "POST", "/api/nurses", nurse).get("id").asString();
    }

    /** GET the nurse, change it, PUT it back (the roster's PUT replaces the nurse). */
    void change(String nurseId, java.util.function.Consumer<ObjectNode> change) throws Exception {
        ObjectNode nurse = (ObjectNode) journey.ok("operator1", "GET", "/api/nurses/" + nurseId, null);
        change.accept(nurse);
        journey.ok("operator1", "PUT", "/api/nurses/" + nurseId, Journey.JSON.writeValueAsString(nurse));
    }

    /** The nurse dispatch last booked for a visit. */
    String nurseOf(String id, String visitId) throws Exception {
        List<TopicRecorder.Received> scheduled = topics.matching(r -> id.equals(r.key())
                && EventTypes.VISIT_SCHEDULED.equals(r.header("ce_type")) && r.value().contains(visitId));
        return scheduled.isEmpty() ? null
                : Journey.JSON.readTree(scheduled.getLast().value()).get("nurseId").asString();
    }

    boolean declined(String visitId, String reason) {
        return topics.matching(r -> EventTypes.VISIT_DECLINED.equals(r.header("ce_type"))
                && r.value().contains(visitId) && r.value().contains(reason)).size() == 1;
    }

    @Test
    void aNurseTakenOutOfDispatchOrTakingTimeOffOverAVisitHandsItToAnotherNurseAtTheSameTime() throws Exception {
        List<String> ours = List.of(addNurse("Avery A."), addNurse("Blake B."), addNurse("Casey C."));
        Patient patient = Patient.in("CA", "America/Los_Angeles", PREFIX + "01");
        String id = journey.submit(Journey.request(patient, 2, 0, 17));
        journey.awaitStatus(id, "CONFIRMED");
        JsonNode first = journey.awaitCourseSettled(id, 6).getFirst();
        String visitId = first.get("id").asString();
        OffsetDateTime start = OffsetDateTime.parse(first.get("start").asString());
        await().atMost(PATIENCE).until(() -> nurseOf(id, visitId) != null);
        String booked = nurseOf(id, visitId);
        assertThat(booked).isIn(ours);
        await().atMost(PATIENCE).until(() -> journey.sms(patient).stream().anyMatch(t -> t.contains("more visits")));
        int smsBefore = journey.sms(patient).size();

        change(booked, nurse -> nurse.put("active", false));

        await().atMost(PATIENCE).until(() -> !booked.equals(nurseOf(id, visitId)));
        String second = nurseOf(id, visitId);
        assertThat(second).isIn(ours);
        assertThat(declined(visitId, "NURSE_INACTIVE")).as("visit.declined NURSE_INACTIVE").isTrue();
        JsonNode moved = Journey.visit(journey.view(id), visitId);
        assertThat(OffsetDateTime.parse(moved.get("start").asString()).toInstant()).isEqualTo(start.toInstant());
        assertThat(moved.get("nurse").get("displayName").asString())
                .isNotEqualTo(first.get("nurse").get("displayName").asString());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(journey.smsAfter(patient, smsBefore)).as("SMS after the nurse left").anyMatch(t -> t.contains("new nurse")));

        // the second nurse takes time off over the visit: the third takes it, still at its time
        change(second, nurse -> nurse.putArray("timeOff").addObject()
                .put("start", start.minusHours(1).toInstant().toString())
                .put("end", start.plusHours(3).toInstant().toString()));

        await().atMost(PATIENCE).until(() -> !second.equals(nurseOf(id, visitId)));
        assertThat(nurseOf(id, visitId)).isIn(ours).isNotEqualTo(booked);
        assertThat(declined(visitId, "NURSE_UNAVAILABLE")).as("visit.declined NURSE_UNAVAILABLE").isTrue();
        JsonNode again = Journey.visit(journey.view(id), visitId);
        assertThat(OffsetDateTime.parse(again.get("start").asString()).toInstant()).isEqualTo(start.toInstant());
        assertThat(again.get("status").asString()).isEqualTo("SCHEDULED");
        journey.writeMessages("new-nurse", patient);
    }
}
