package com.housecall.booking.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.testsupport.TestEvents;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 12 in booking: one hold event on every crisis path, the next-day re-plan, seconds on every instant. */
class CareLoopIT extends CourseFixtures {

    // ------------------------------------------------------------------ consultation.held

    @Test
    void anIntakeCrisisHoldsOnceAndARedeliveredScreeningEmitsNothingMore() throws Exception {
        String id = requested();
        ScreeningCompleted crisis = new ScreeningCompleted(UUID.fromString(id), ScreeningOutcome.CRISIS, "1", List.of(),
                new ScreeningCompleted.Score(20, "SEVERE"), null, Instant.now());
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish(crisis, "screening-service", eventId);
        awaitStatus(id, "SAFETY_HOLD");
        RecordMetadata again = TestEvents.publish(crisis, "screening-service", eventId);
        TestEvents.awaitConsumed("booking-service", again);
        // a second crisis screening (another event id) while held changes nothing either
        RecordMetadata second = TestEvents.publish(crisis, "screening-service", UUID.randomUUID().toString());
        TestEvents.awaitConsumed("booking-service", second);

        JsonNode held = JSON.readTree(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_HELD, id).value());
        assertThat(held.get("reason").asString()).isEqualTo("CRISIS_INTAKE");
        assertThat(held.get("previousStatus").asString()).isIn("REQUESTED", "SCREENING");
        assertThat(events(id, EventTypes.CONSULTATION_HELD)).hasSize(1);
        assertThat(events(id, EventTypes.VISIT_REQUESTED)).isEmpty();
    }

    @Test
    void aFreshPhq9CrisisOnAConfirmedCourseHoldsOnceAndItsCancelledVisitsSaySafetyHold() throws Exception {
        String id = confirmed();
        String path = "/api/consultations/" + id + "/phq9";

        HttpResponse<String> submitted = as("patient1", "POST", path, "{\"phq9\": [2, 2, 2, 2, 1, 1, 1, 1, 2]}");

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(json(submitted).get("status").asString()).isEqualTo("SAFETY_HOLD");
        JsonNode held = JSON.readTree(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_HELD, id).value());
        assertThat(held.get("reason").asString()).isEqualTo("CRISIS_PHQ9");
        assertThat(held.get("previousStatus").asString()).isEqualTo("CONFIRMED");
        assertThat(held.get("heldAt").asString()).endsWith("Z");
        await().atMost(Duration.ofSeconds(60)).until(() -> events(id, EventTypes.VISIT_CANCELLED).size() == 6);
        assertThat(events(id, EventTypes.VISIT_CANCELLED)).allMatch(r -> r.value().contains("\"reason\":\"SAFETY_HOLD\""));
        // a second crisis answer while held is refused: no second hold
        assertThat(as("patient1", "POST", path, "{\"phq9\": [2, 2, 2, 2, 1, 1, 1, 1, 2]}").statusCode()).isEqualTo(409);
        assertThat(events(id, EventTypes.CONSULTATION_HELD)).hasSize(1);
        assertThat(held.toString()).doesNotContain("Ada", "phq9");
    }

    // ------------------------------------------------------------------ the confirmation and instants

    @Test
    void theConfirmationSaysHowManyVisitsTheCourseHoldsAndVisitTimesCarrySeconds() throws Exception {
        String id = confirmed();

        JsonNode confirmed = JSON.readTree(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.BOOKING_CONFIRMED, id).value());
        assertThat(confirmed.get("courseVisits").asInt()).isEqualTo(6);
        JsonNode first = visitNode(view(id), 1);
        assertThat(first.get("start").asString()).matches("\\d{4}-\\d\\d-\\d\\dT09:00:00-0[78]:00");
        assertThat(first.get("end").asString()).matches("\\d{4}-\\d\\d-\\d\\dT10:25:00-0[78]:00");
        assertThat(view(id).get("createdAt").asString()).matches(".*T\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(view(id).get("timeline").findValuesAsString("at"))
                .allMatch(at -> at.matches(".*T\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
    }

    // ------------------------------------------------------------------ re-plan of an unschedulable visit

    @Test
    void anUnschedulableLastVisitIsReplannedForTheNextDayOnceThenStaysUnschedulable() throws Exception {
        String id = confirmed();
        UUID sixth = visit(view(id), 6);
        OffsetDateTime planned = OffsetDateTime.parse(requestsOf(id, sixth).getFirst().get("windows").get(0)
                .get("start").asString());

        TestEvents.publish(new VisitUnschedulable(UUID.fromString(id), sixth, 6, "NO_QUALIFIED_NURSE", Instant.now()),
                "dispatch-service");

        await().atMost(Duration.ofSeconds(60)).until(() -> requestsOf(id, sixth).size() == 2);
        JsonNode replan = requestsOf(id, sixth).getLast();
        assertThat(replan.get("purpose").asString()).isEqualTo("REPLAN");
        assertThat(replan.get("sequence").asInt()).isEqualTo(6);
        assertThat(replan.get("state").asString()).isEqualTo("CA");
        assertThat(replan.get("timeZone").asString()).isEqualTo("America/Los_Angeles");
        ZonedDateTime start = OffsetDateTime.parse(replan.get("windows").get(0).get("start").asString())
                .atZoneSameInstant(LOS_ANGELES);
        assertThat(start.toLocalDate()).isEqualTo(planned.atZoneSameInstant(LOS_ANGELES).toLocalDate().plusDays(1));
        assertThat(start.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(visitNode(view(id), 6).get("status").asString()).isEqualTo("REQUESTED");

        // the re-plan fails too: the visit stays UNSCHEDULABLE, no third request
        RecordMetadata failed = TestEvents.publish(new VisitUnschedulable(UUID.fromString(id), sixth, 6,
                "NO_QUALIFIED_NURSE", Instant.now()), "dispatch-service", UUID.randomUUID().toString());
        TestEvents.awaitConsumed("booking-service", failed);
        awaitVisit(id, 6, "UNSCHEDULABLE");
        assertThat(requestsOf(id, sixth)).hasSize(2);
        assertThat(view(id).get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void theFirstVisitUnschedulableStillMakesTheConsultationUnfulfilledWithoutReplan() throws Exception {
        String id = screened("ELIGIBLE");
        UUID first = visit(view(id), 1);

        TestEvents.publish(new VisitUnschedulable(UUID.fromString(id), first, 1, "NO_QUALIFIED_NURSE", Instant.now()),
                "dispatch-service");

        awaitStatus(id, "UNFULFILLED");
        assertThat(requestsOf(id, first)).hasSize(1);
    }

    // ------------------------------------------------------------------ unschedulable visits end the course

    @Test
    void aPatientCancelsAnUnschedulableVisitAndUnschedulableVisitsCountAsEnded() throws Exception {
        String id = confirmed();
        JsonNode view = view(id);
        UUID third = visit(view, 3);
        TestEvents.publish(new VisitUnschedulable(UUID.fromString(id), third, 3, "NO_QUALIFIED_NURSE", Instant.now()),
                "dispatch-service");
        // visit 3 cannot move a day without coming within 48 h of visit 4: it stays UNSCHEDULABLE
        awaitVisit(id, 3, "UNSCHEDULABLE");
        assertThat(requestsOf(id, third)).hasSize(1);

        HttpResponse<String> cancelled = as("patient1", "POST", "/api/consultations/" + id + "/visits/" + third
                + "/cancel", null);

        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(visitNode(json(cancelled), 3).get("status").asString()).isEqualTo("CANCELLED");
        UUID fifth = visit(view, 5);
        TestEvents.publish(new VisitUnschedulable(UUID.fromString(id), fifth, 5, "NO_QUALIFIED_NURSE", Instant.now()),
                "dispatch-service");
        awaitVisit(id, 5, "UNSCHEDULABLE");
        for (int sequence : new int[] {1, 2, 4, 6}) {
            nurseSets(id, visit(view, sequence), "COMPLETED");
        }
        awaitStatus(id, "COMPLETED");
        assertThat(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.BOOKING_COMPLETED, id).value())
                .contains("\"visitsCompleted\":4");
    }
}
