package com.housecall.screening.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventSchemas;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.BookingUnfulfilled;
import com.housecall.events.booking.CancelledBy;
import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.booking.HoldReason;
import com.housecall.events.booking.Phq9Answers;
import com.housecall.screening.ScreeningIntegration;
import com.housecall.screening.safety.SafetyAlerts;
import com.housecall.testsupport.TestEvents;
import com.housecall.testsupport.TopicRecorder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** DECISIONS 16: a cancelled consultation's case is withdrawn, leaves the queue and stops paging. */
class CancellationIT extends ScreeningIntegration {

    static final String QUEUE = "/api/screenings/review-queue?size=100";
    static final String GROUP = "screening-service";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SafetyAlerts alerts;

    @AfterEach
    void putTheClockBack() {
        CLOCK.reset();
    }

    UUID screened(int item9, List<String> medications) {
        UUID id = UUID.randomUUID();
        TestEvents.publish(intake(id, item9, medications), "booking-service");
        topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_COMPLETED, id.toString());
        return id;
    }

    static ConsultationCancelled cancelled(UUID id, String previousStatus) {
        return new ConsultationCancelled(id, previousStatus, CancelledBy.PATIENT, Instant.now());
    }

    /** Publishes as booking would and waits until screening has handled it. */
    static void consumed(ConsultationEvent event, String eventId) {
        TestEvents.awaitConsumed(GROUP, TestEvents.publish(event, "booking-service", eventId));
    }

    static void consumed(ConsultationEvent event) {
        consumed(event, UUID.randomUUID().toString());
    }

    JsonNode queueItem(UUID id) throws Exception {
        for (JsonNode item : json(get("clinician1", QUEUE)).get("items")) {
            if (item.get("consultationId").asString().equals(id.toString())) {
                return item;
            }
        }
        return null;
    }

    static String decision(UUID id) {
        return "/api/screenings/" + id + "/decision";
    }

    List<TopicRecorder.Received> events(UUID id, String type) {
        return topics.matching(r -> id.toString().equals(r.header("ce_subject")) && type.equals(r.header("ce_type")));
    }

    Map<String, Object> alertRow(UUID id) {
        return jdbc.sql("SELECT sequence, next_due_at FROM safety_alert WHERE consultation_id = ?")
                .param(id.toString()).query().singleRow();
    }

    @Test
    void aCancelledCaseInReviewLeavesTheQueueAndCannotBeApproved() throws Exception {
        UUID id = screened(0, List.of("tramadol"));
        assertThat(queueItem(id).get("caseStatus").asString()).isEqualTo("OPEN");

        consumed(cancelled(id, "IN_REVIEW"));

        assertThat(queueItem(id)).isNull();
        HttpResponse<String> approve = post("clinician1", decision(id), "{\"decision\": \"APPROVE\", \"note\": \"ok\"}");
        assertThat(approve.statusCode()).isEqualTo(409);
        assertThat(approve.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        JsonNode problem = json(approve);
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("detail").asString()).contains("cancelled");
        assertThat(post("clinician1", decision(id), "{\"decision\": \"DECLINE\"}").statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_decision WHERE consultation_id = ?").param(id.toString())
                .query(Long.class).single()).isZero();
        assertThat(events(id, EventTypes.SCREENING_DECIDED)).isEmpty();
        assertThat(events(id, EventTypes.SAFETY_WITHDRAWN)).isEmpty();
    }

    @Test
    void aCancelledSafetyHoldStopsPagingAndIsWithdrawnOnce() throws Exception {
        UUID id = screened(2, List.of());
        TopicRecorder.Received first = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SAFETY_ALERT, id.toString());
        String cancelId = UUID.randomUUID().toString();

        consumed(cancelled(id, "SAFETY_HOLD"), cancelId);
        int raised = (Integer) alertRow(id).get("sequence");
        // an hour later the repeater has nothing left to page for this consultation
        CLOCK.moveBy(Duration.ofHours(1));
        alerts.repeatDue();
        assertThat(alertRow(id).get("sequence")).isEqualTo(raised);
        assertThat(alertRow(id).get("next_due_at")).isNull();

        TopicRecorder.Received withdrawn = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SAFETY_WITHDRAWN,
                id.toString());
        JsonNode body = JSON.readTree(withdrawn.value());
        assertThat(body.get("alertId").asString()).isEqualTo(JSON.readTree(first.value()).get("alertId").asString());
        assertThat(body.get("withdrawnAt").asString()).isNotBlank();
        assertThat(EventSchemas.violations(EventTypes.SAFETY_WITHDRAWN,
                withdrawn.value().getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(queueItem(id)).isNull();

        // the same cancel redelivered, and a second one: nothing more
        consumed(cancelled(id, "SAFETY_HOLD"), cancelId);
        consumed(cancelled(id, "CANCELLED"));
        // a clinician acknowledging the withdrawn alert is told it is withdrawn; nothing is announced
        HttpResponse<String> acknowledged = post("clinician1", "/api/screenings/" + id + "/acknowledge", "");
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        assertThat(json(acknowledged).get("withdrawn").asBoolean()).isTrue();
        assertThat(json(acknowledged).get("acknowledged").asBoolean()).isFalse();
        assertThat(post("clinician1", decision(id), "{\"decision\": \"DECLINE\"}").statusCode()).isEqualTo(409);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                events(id, EventTypes.SAFETY_WITHDRAWN).size() == 1
                        && events(id, EventTypes.SAFETY_ALERT).size() <= raised
                        && events(id, EventTypes.SAFETY_ACKNOWLEDGED).isEmpty());
    }

    @Test
    void aCancelThatOvertakesTheIntakeKeepsItOutOfTheQueueAndOffThePager() throws Exception {
        UUID id = UUID.randomUUID();
        consumed(cancelled(id, "REQUESTED"));

        consumed(intake(id, 3, List.of()));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE consultation_id = ?").param(id.toString())
                .query(Long.class).single()).isZero();
        assertThat(queueItem(id)).isNull();
        assertThat(post("clinician1", decision(id), "{\"decision\": \"DECLINE\"}").statusCode()).isIn(404, 409);
        assertThat(events(id, EventTypes.SAFETY_ALERT)).isEmpty();
        assertThat(events(id, EventTypes.SAFETY_WITHDRAWN)).isEmpty();
    }

    @Test
    void aFreshPhq9AfterACancelIsNeverQueued() throws Exception {
        UUID id = screened(0, List.of());
        consumed(cancelled(id, "CONFIRMED"));

        consumed(new Phq9Answers(id, UUID.randomUUID(), 1, "America/Los_Angeles", List.of(1, 1, 1, 1, 1, 1, 1, 1, 2),
                Instant.now()));

        assertThat(queueItem(id)).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE consultation_id = ?").param(id.toString())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theQueueShowsTheConsultationStatusAsBookingLastAnnouncedIt() throws Exception {
        UUID id = screened(1, List.of());
        assertThat(queueItem(id).get("status").asString()).isEqualTo("SAFETY_HOLD");
        consumed(new ConsultationHeld(id, HoldReason.CRISIS_INTAKE, "SCREENING", Instant.now()));
        assertThat(queueItem(id).get("status").asString()).isEqualTo("SAFETY_HOLD");

        HttpResponse<String> approved = post("clinician1", decision(id), "{\"decision\": \"APPROVE\", \"note\": \"spoke\"}");

        assertThat(approved.statusCode()).isEqualTo(200);
        // screening settles its case; the consultation moves on when booking says so
        assertThat(json(approved).get("caseStatus").asString()).isEqualTo("DECIDED");
        assertThat(json(approved).get("status").asString()).isEqualTo("SAFETY_HOLD");
        assertThat(topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_DECIDED, id.toString()).value())
                .contains("\"outcome\":\"CRISIS\"", "\"decision\":\"APPROVE\"");
        consumed(new BookingConfirmed(id, UUID.randomUUID(), null, null, "Jordan P.", "America/Los_Angeles", 6));
        assertThat(heardStatus(id)).isEqualTo("CONFIRMED");

        // CANCELLED is final: a late event from before the cancel cannot bring the consultation back
        consumed(cancelled(id, "CONFIRMED"));
        consumed(new BookingUnfulfilled(id, UUID.randomUUID(), "NO_NURSE", Instant.now()));
        assertThat(heardStatus(id)).isEqualTo("CANCELLED");
    }

    @Test
    void bookingEventsScreeningDoesNotActOnLeaveNoInboxRow() {
        String eventId = UUID.randomUUID().toString();
        consumed(new ConsultationRequested(UUID.randomUUID(), "PATIENT", "CA", "941", "America/Los_Angeles",
                Instant.now()), eventId);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?").param(eventId)
                .query(Long.class).single()).isZero();
    }

    String heardStatus(UUID id) {
        return jdbc.sql("SELECT status FROM screening WHERE consultation_id = ?").param(id.toString())
                .query(String.class).single();
    }
}
