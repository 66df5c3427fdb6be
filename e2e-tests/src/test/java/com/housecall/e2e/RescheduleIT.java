package com.housecall.e2e;

import static com.housecall.e2e.Journey.PATIENCE;
import static com.housecall.e2e.Journey.QUIET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.e2e.Journey.Answer;
import com.housecall.e2e.Journey.Patient;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.testsupport.TopicRecorder;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12 and CONTRACT 11: one visit moves to new windows, by its patient or an operator; the visit keeps its
 * time until dispatch books the new one, and the patient is told once (DECISIONS 12).
 */
class RescheduleIT {

    static TopicRecorder topics;
    final Journey journey = new Journey();

    @BeforeAll
    static void start() {
        topics = TopicRecorder.start(Journey.SHARED_TOPICS);
        Platform.shared();
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    static String path(String id, String visitId) {
        return "/api/consultations/" + id + "/visits/" + visitId + "/reschedule";
    }

    static String body(String windows) {
        return "{\"preferredWindows\": " + windows + "}";
    }

    /** The same local 09:00 {@code days} later (or earlier), stepping over Sunday in that direction. */
    static OffsetDateTime sameMorning(OffsetDateTime start, int days) {
        ZonedDateTime day = start.atZoneSameInstant(Journey.LOS_ANGELES).plusDays(days).with(LocalTime.of(9, 0));
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(Integer.signum(days));
        }
        return day.toOffsetDateTime();
    }

    static OffsetDateTime start(JsonNode visit) {
        return OffsetDateTime.parse(visit.get("start").asString());
    }

    String confirmedCourse(Patient patient, String windows) throws Exception {
        String id = journey.submit(Journey.request(patient, "\"SMS\", \"EMAIL\"", 2, 0, windows));
        journey.awaitStatus(id, "CONFIRMED");
        journey.awaitCourseSettled(id, 6);
        return id;
    }

    @Test
    void thePatientMovesTheLastVisitOfTheCourseAndIsToldOnce() throws Exception {
        Patient patient = Patient.fresh();
        String id = confirmedCourse(patient, Journey.windows(Journey.morning(11)));
        JsonNode last = Journey.visits(journey.view(id)).getLast();
        assertThat(last.get("status").asString()).isEqualTo("SCHEDULED");
        String visitId = last.get("id").asString();
        OffsetDateTime oldStart = start(last);
        OffsetDateTime wanted = sameMorning(oldStart, 2);
        // counted from the booking's own confirmation on
        await().atMost(PATIENCE).until(() -> journey.sms(patient).stream().anyMatch(t -> t.contains("more visits")));
        int smsBefore = journey.sms(patient).size();

        JsonNode answer = journey.ok(Journey.PATIENT, "POST", path(id, visitId), body(Journey.windows(wanted)));

        assertThat(answer.get("id").asString()).as("200 with the consultation").isEqualTo(id);
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode moved = Journey.visit(journey.view(id), visitId);
            assertThat(moved.get("status").asString()).isEqualTo("SCHEDULED");
            assertThat(start(moved)).isAfterOrEqualTo(wanted).isBeforeOrEqualTo(wanted.plusHours(4));
        });
        await().atMost(PATIENCE).until(() -> journey.sms(patient).size() > smsBefore);
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).untilAsserted(() -> {
            List<String> texts = journey.smsAfter(patient, smsBefore);
            assertThat(texts).as("SMS after the reschedule").hasSize(1);
            assertThat(texts.getFirst()).contains("Housecall", "moved").doesNotContainIgnoringCase("cancel")
                    .hasSizeLessThanOrEqualTo(160);
        });
        journey.writeMessages("reschedule", patient);
        Journey.assertWellFormedWithoutPhi(topics, id, patient);
        List<TopicRecorder.Received> scheduled = topics.matching(r -> id.equals(r.key())
                && EventTypes.VISIT_SCHEDULED.equals(r.header("ce_type")) && r.value().contains(visitId));
        JsonNode event = Journey.JSON.readTree(scheduled.getLast().value());
        assertThat(event.get("cause").asString()).isEqualTo("RESCHEDULED");
        assertThat(OffsetDateTime.parse(event.get("previousStart").asString()).toInstant()).isEqualTo(oldStart.toInstant());
    }

    /**
     * Windows from 6.5 h to 23 h ahead, inside 08:00-16:30 in Los Angeles on days the demo nurses work: a first
     * visit there starts less than 24 h ahead. Empty on a Saturday evening (only Sunday fits).
     */
    static List<OffsetDateTime[]> windowsWithinADay() {
        ZonedDateTime from = ZonedDateTime.now(Journey.LOS_ANGELES).plusMinutes(390);
        ZonedDateTime to = ZonedDateTime.now(Journey.LOS_ANGELES).plusHours(23);
        List<OffsetDateTime[]> windows = new ArrayList<>();
        for (int d = 0; d <= 1; d++) {
            ZonedDateTime day = from.toLocalDate().plusDays(d).atStartOfDay(Journey.LOS_ANGELES);
            ZonedDateTime start = max(day.with(LocalTime.of(8, 0)), from);
            ZonedDateTime end = min(day.with(LocalTime.of(16, 30)), to);
            if (day.getDayOfWeek() != DayOfWeek.SUNDAY && end.isAfter(start.plusMinutes(30))) {
                windows.add(new OffsetDateTime[]{start.toOffsetDateTime(), end.toOffsetDateTime()});
            }
        }
        return windows;
    }

    static ZonedDateTime max(ZonedDateTime a, ZonedDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    static ZonedDateTime min(ZonedDateTime a, ZonedDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    @Test
    void aVisitLessThanADayAheadOrCancelledCannotBeMoved() throws Exception {
        List<OffsetDateTime[]> soon = windowsWithinADay();
        Assumptions.assumeFalse(soon.isEmpty(), "no working hours of the demo nurses within the next day");
        String windows = soon.stream().map(w -> "{\"start\": \"%s\", \"end\": \"%s\"}".formatted(Journey.iso(w[0]),
                Journey.iso(w[1]))).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        String id = confirmedCourse(Patient.fresh(), windows);
        List<JsonNode> visits = Journey.visits(journey.view(id));
        JsonNode first = visits.getFirst();
        assertThat(start(first)).isBefore(OffsetDateTime.now().plusHours(24));
        String later = Journey.windows(Journey.morning(16));

        Answer tooSoon = journey.send(Journey.PATIENT, "POST", path(id, first.get("id").asString()), body(later));
        assertThat(tooSoon.status()).as(tooSoon.text()).isEqualTo(409);
        assertThat(tooSoon.contentType()).startsWith("application/problem+json");

        String second = visits.get(1).get("id").asString();
        journey.ok(Journey.PATIENT, "POST", "/api/consultations/" + id + "/visits/" + second + "/cancel", "{}");
        Answer cancelled = journey.send(Journey.PATIENT, "POST", path(id, second), body(later));
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(409);

        JsonNode after = journey.view(id);
        assertThat(start(Journey.visit(after, first.get("id").asString())).toInstant()).isEqualTo(start(first).toInstant());
        assertThat(Journey.visit(after, second).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void badWindowsAre400NamingThemAClinicIs403AnotherPatient404AndAnOperatorMayMoveIt() throws Exception {
        String id = confirmedCourse(Patient.fresh(), Journey.windows(Journey.morning(13)));
        JsonNode first = Journey.visits(journey.view(id)).getFirst();
        String visitId = first.get("id").asString();
        OffsetDateTime oldStart = start(first);
        String earlier = Journey.windows(sameMorning(oldStart, -1));
        OffsetDateTime night = oldStart.atZoneSameInstant(Journey.LOS_ANGELES).plusDays(2).with(LocalTime.of(1, 0))
                .toOffsetDateTime();

        for (String bad : List.of("[]", Journey.windows(night))) {
            Answer answer = journey.send(Journey.PATIENT, "POST", path(id, visitId), body(bad));
            assertThat(answer.status()).as(bad + ": " + answer.text()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body().get("type")).as("type").isNotNull();
            assertThat(answer.body().get("errors").findValuesAsString("field"))
                    .anyMatch(field -> field.startsWith("preferredWindows"));
        }
        Answer clinic = journey.send("clinic-a", "POST", path(id, visitId), body(earlier));
        assertThat(clinic.status()).as(clinic.text()).isEqualTo(403);
        Answer stranger = journey.send("patient2", "POST", path(id, visitId), body(earlier));
        assertThat(stranger.status()).as(stranger.text()).isEqualTo(404);
        JsonNode unchanged = Journey.visit(journey.view(id), visitId);
        assertThat(start(unchanged).toInstant()).isEqualTo(oldStart.toInstant());
        assertThat(unchanged.get("status").asString()).isEqualTo("SCHEDULED");

        journey.ok("operator1", "POST", path(id, visitId), body(earlier));

        OffsetDateTime wanted = sameMorning(oldStart, -1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(start(Journey.visit(journey.view(id), visitId)))
                .isAfterOrEqualTo(wanted).isBeforeOrEqualTo(wanted.plusHours(4)));
    }
}
