package com.housecall.booking.consultation;

import static org.awaitility.Awaitility.await;

import com.housecall.booking.BookingIntegration;
import com.housecall.events.EventTypes;
import com.housecall.events.dispatch.VisitProgress;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.testsupport.TestEvents;
import com.housecall.testsupport.TopicRecorder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** Consultations brought to a point of their course by the events screening and dispatch would send. */
abstract class CourseFixtures extends BookingIntegration {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    String screened(String outcome) throws Exception {
        String id = requested();
        TestEvents.publish(new ScreeningCompleted(UUID.fromString(id), ScreeningOutcome.valueOf(outcome), "1", List.of(),
                new ScreeningCompleted.Score(12, "MODERATE"), null, Instant.now()), "screening-service");
        awaitStatus(id, ConsultationStatus.afterScreening(ScreeningOutcome.valueOf(outcome)).name());
        return id;
    }

    UUID visit(JsonNode view, int sequence) {
        for (JsonNode visit : view.get("visits")) {
            if (visit.get("sequence").asInt() == sequence && !"UNSCHEDULABLE".equals(visit.get("status").asString())) {
                return UUID.fromString(visit.get("id").asString());
            }
        }
        throw new AssertionError("no visit " + sequence);
    }

    static JsonNode visitNode(JsonNode view, int sequence) {
        return StreamSupport.stream(view.get("visits").spliterator(), false)
                .filter(v -> v.get("sequence").asInt() == sequence).findFirst().orElseThrow();
    }

    /** The Monday 09:00 in Los Angeles of next week: the first visit of {@link #confirmed()}. */
    static ZonedDateTime nextMonday() {
        return LocalDate.now(LOS_ANGELES).plusWeeks(1).with(java.time.DayOfWeek.MONDAY).atTime(9, 0).atZone(LOS_ANGELES);
    }

    /** A CONFIRMED consultation: its first visit a Monday 09:00 in Los Angeles, visits 2 to 6 requested. */
    String confirmed() throws Exception {
        String id = screened("ELIGIBLE");
        UUID first = visit(view(id), 1);
        ZonedDateTime monday = nextMonday();
        schedule(id, first, 1, monday.toOffsetDateTime());
        await().atMost(Duration.ofSeconds(60)).until(() -> view(id).get("visits").size() == 6);
        return id;
    }

    void schedule(String id, UUID visit, int sequence, OffsetDateTime start) {
        TestEvents.publish(new VisitScheduled(UUID.fromString(id), visit, sequence, UUID.randomUUID(), "Jordan P.",
                start, start.plusMinutes(85), "America/Los_Angeles"), "dispatch-service");
    }

    void nurseSets(String id, UUID visit, String status) {
        TestEvents.publish(new VisitStatusChanged(UUID.fromString(id), visit, VisitProgress.valueOf(status),
                Instant.now()), "dispatch-service");
    }

    JsonNode awaitVisit(String id, int sequence, String status) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> view(id), v -> StreamSupport.stream(
                v.get("visits").spliterator(), false).anyMatch(visit -> visit.get("sequence").asInt() == sequence
                && visit.get("status").asString().equals(status)));
    }

    List<TopicRecorder.Received> events(String id, String type) {
        return topics.matching(r -> id.equals(r.header("ce_subject")) && type.equals(r.header("ce_type")));
    }

    /** The visit.requested events of one visit, oldest first. */
    List<JsonNode> requestsOf(String id, UUID visit) {
        return events(id, EventTypes.VISIT_REQUESTED).stream().map(r -> JSON.readTree(r.value()))
                .filter(e -> e.get("visitId").asString().equals(visit.toString())).toList();
    }

    static Instant firstWindowStart(TopicRecorder.Received visitRequested) {
        return OffsetDateTime.parse(JSON.readTree(visitRequested.value()).get("windows").get(0).get("start").asString())
                .toInstant();
    }

    HttpResponse<String> cancel(String user, String id) throws Exception {
        return as(user, "POST", "/api/consultations/" + id + "/cancel", null);
    }

    static String windows(OffsetDateTime start) {
        return windows(start, start.plusHours(3));
    }

    static String windows(OffsetDateTime start, OffsetDateTime end) {
        return """
                {"preferredWindows": [{"start": "%s", "end": "%s"}]}""".formatted(start, end);
    }
}
