package com.housecall.booking.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.dispatch.ScheduleCause;
import com.housecall.events.dispatch.VisitRescheduleFailed;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.testsupport.TestEvents;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/consultations/{id}/visits/{visitId}/reschedule} (CONTRACT.md section 11, DECISIONS 12 and 13). */
class RescheduleIT extends CourseFixtures {

    static String path(String id, UUID visit) {
        return "/api/consultations/" + id + "/visits/" + visit + "/reschedule";
    }

    /** A confirmed course whose second visit (the Wednesday 09:00 after {@link #nextMonday()}) has a nurse. */
    String secondVisitScheduled() throws Exception {
        String id = confirmed();
        UUID second = visit(view(id), 2);
        schedule(id, second, 2, nextMonday().plusDays(2).toOffsetDateTime());
        awaitVisit(id, 2, "SCHEDULED");
        return id;
    }

    @Test
    void theOwnerMovesAScheduledVisitWhichKeepsItsTimeUntilDispatchBooksTheNewOne() throws Exception {
        String id = secondVisitScheduled();
        UUID second = visit(view(id), 2);
        String oldStart = visitNode(view(id), 2).get("start").asString();
        OffsetDateTime thursday = nextMonday().plusDays(3).withHour(10).toOffsetDateTime();

        HttpResponse<String> moved = as("patient1", "POST", path(id, second), windows(thursday));

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode answer = json(moved);
        assertThat(answer.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(answer.get("patient").get("givenName").asString()).isEqualTo("Ada");
        assertThat(visitNode(answer, 2).get("start").asString()).isEqualTo(oldStart);
        assertThat(visitNode(answer, 2).get("status").asString()).isEqualTo("SCHEDULED");
        await().atMost(Duration.ofSeconds(60)).until(() -> requestsOf(id, second).size() == 2);
        JsonNode request = requestsOf(id, second).getLast();
        assertThat(request.get("purpose").asString()).isEqualTo("RESCHEDULE");
        assertThat(request.get("sequence").asInt()).isEqualTo(2);
        assertThat(request.get("phase").asString()).isEqualTo("INDUCTION");
        assertThat(request.get("state").asString()).isEqualTo("CA");
        assertThat(request.get("zipPrefix").asString()).isEqualTo("941");
        assertThat(request.get("timeZone").asString()).isEqualTo("America/Los_Angeles");
        assertThat(OffsetDateTime.parse(request.get("windows").get(0).get("start").asString()).toInstant())
                .isEqualTo(thursday.toInstant());
        assertThat(request.get("windows").get(0).get("start").asString()).matches(".*T\\d\\d:\\d\\d:\\d\\d.*");

        // dispatch books the new time
        OffsetDateTime newStart = thursday.plusMinutes(30);
        TestEvents.publish(new VisitScheduled(UUID.fromString(id), second, 2, UUID.randomUUID(), "Sam K.", newStart,
                newStart.plusMinutes(85), "America/Los_Angeles", ScheduleCause.RESCHEDULED,
                OffsetDateTime.parse(oldStart), true), "dispatch-service");
        JsonNode after = await().atMost(Duration.ofSeconds(60)).until(() -> view(id),
                v -> !visitNode(v, 2).get("start").asString().equals(oldStart));
        assertThat(visitNode(after, 2).get("start").asString())
                .isEqualTo(newStart.atZoneSameInstant(LOS_ANGELES).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        assertThat(visitNode(after, 2).get("nurse").get("displayName").asString()).isEqualTo("Sam K.");
        assertThat(visitNode(after, 2).get("status").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void aFailedRescheduleKeepsTheOldTimeAndShowsInTheTimeline() throws Exception {
        String id = secondVisitScheduled();
        UUID second = visit(view(id), 2);
        String oldStart = visitNode(view(id), 2).get("start").asString();
        OffsetDateTime thursday = nextMonday().plusDays(3).withHour(10).toOffsetDateTime();
        assertThat(as("operator1", "POST", path(id, second), windows(thursday)).statusCode()).isEqualTo(200);

        RecordMetadata failed = TestEvents.publish(new VisitRescheduleFailed(UUID.fromString(id), second, 2,
                "NO_QUALIFIED_NURSE", OffsetDateTime.parse(oldStart), "America/Los_Angeles", Instant.now()),
                "dispatch-service", UUID.randomUUID().toString());
        TestEvents.awaitConsumed("booking-service", failed);

        JsonNode view = await().atMost(Duration.ofSeconds(60)).until(() -> view(id),
                v -> v.get("timeline").findValuesAsString("type").contains("visit.reschedule-failed"));
        assertThat(visitNode(view, 2).get("start").asString()).isEqualTo(oldStart);
        assertThat(visitNode(view, 2).get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(view.get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void rescheduleFollowsTheRoleTableOwnershipAndTheVisitStatus() throws Exception {
        String id = secondVisitScheduled();
        JsonNode view = view(id);
        UUID first = visit(view, 1);
        UUID second = visit(view, 2);
        UUID third = visit(view, 3);
        String body = windows(nextMonday().plusDays(3).withHour(10).toOffsetDateTime());

        assertThat(as("clinic-a", "POST", path(id, second), body).statusCode()).isEqualTo(403);
        assertThat(as("clinician1", "POST", path(id, second), body).statusCode()).isEqualTo(403);
        assertThat(as("nurse1", "POST", path(id, second), body).statusCode()).isEqualTo(403);
        assertThat(as("patient2", "POST", path(id, second), body).statusCode()).isEqualTo(404);
        assertThat(as("patient1", "POST", path(id, UUID.randomUUID()), body).statusCode()).isEqualTo(404);
        // a visit still REQUESTED has no time to move
        HttpResponse<String> requested = as("patient1", "POST", path(id, third), body);
        assertThat(requested.statusCode()).isEqualTo(409);
        assertThat(json(requested).get("detail").asString()).contains("REQUESTED");
        assertThat(json(requested).get("type").asString()).isEqualTo("about:blank");
        // a visit on its way cannot move
        nurseSets(id, first, "EN_ROUTE");
        awaitVisit(id, 1, "EN_ROUTE");
        assertThat(as("patient1", "POST", path(id, first), windows(nextMonday().plusDays(1).toOffsetDateTime()))
                .statusCode()).isEqualTo(409);
        assertThat(as("operator1", "POST", path(id, second), body).statusCode()).isEqualTo(200);
        assertThat(cancel("patient1", id).statusCode()).isEqualTo(200);
        assertThat(as("patient1", "POST", path(id, second), body).statusCode()).isEqualTo(409);
    }

    @Test
    void aVisitStartingWithin24HoursCannotMove() throws Exception {
        String id = confirmed();
        UUID second = visit(view(id), 2);
        OffsetDateTime soon = ZonedDateTime.now(LOS_ANGELES).plusHours(20).withMinute(0).withSecond(0).withNano(0)
                .toOffsetDateTime();
        schedule(id, second, 2, soon);
        awaitVisit(id, 2, "SCHEDULED");

        HttpResponse<String> tooLate = as("patient1", "POST", path(id, second),
                windows(nextMonday().plusDays(3).withHour(10).toOffsetDateTime()));

        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(json(tooLate).get("detail").asString()).contains("24 h");
    }

    @Test
    void newWindowsMustKeepTheCourseRulesElse400NamingTheWindow() throws Exception {
        String id = secondVisitScheduled();
        UUID second = visit(view(id), 2);
        ZonedDateTime monday = nextMonday();
        int before = requestsOf(id, second).size();
        List<String[]> invalid = List.of(
                // 24 h after visit 1: too close to its neighbour
                new String[] {windows(monday.plusDays(1).toOffsetDateTime()), "preferredWindows[0].start"},
                // the evening: no start between 08:00 and 17:00
                new String[] {windows(monday.plusDays(3).withHour(18).toOffsetDateTime()), "preferredWindows[0].start"},
                // within the 6 h lead
                new String[] {windows(OffsetDateTime.now().plusHours(1), OffsetDateTime.now().plusHours(2)),
                        "preferredWindows[0].start"},
                new String[] {windows(monday.plusDays(3).withHour(10).toOffsetDateTime(),
                        monday.plusDays(3).withHour(9).toOffsetDateTime()), "preferredWindows[0].end"},
                new String[] {windows(monday.plusDays(3).toOffsetDateTime(), monday.plusDays(18).toOffsetDateTime()),
                        "preferredWindows[0].end"},
                new String[] {"{\"preferredWindows\": [{\"start\": \"+10000-01-01T08:00-08:00\","
                        + " \"end\": \"+10000-01-01T12:00-08:00\"}]}", "preferredWindows[0].start"},
                new String[] {"{\"preferredWindows\": [{\"start\": \"2030-12-02T09:00:00\","
                        + " \"end\": \"2030-12-02T12:00:00\"}]}", "preferredWindows[0].start"},
                new String[] {"{\"preferredWindows\": []}", "preferredWindows"},
                new String[] {"{}", "preferredWindows"});
        for (String[] example : invalid) {
            HttpResponse<String> response = as("patient1", "POST", path(id, second), example[0]);

            assertThat(response.statusCode()).as(example[0] + " " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(response).get("type").asString()).isEqualTo("about:blank");
            assertThat(json(response).get("errors").findValuesAsString("field")).as(example[0]).contains(example[1]);
        }
        assertThat(requestsOf(id, second)).hasSize(before);
        assertThat(visitNode(view(id), 2).get("status").asString()).isEqualTo("SCHEDULED");
    }

    @Test
    void theUnschedulableFirstVisitOfAnUnfulfilledConsultationMovesAndTheCourseFollows() throws Exception {
        String id = screened("ELIGIBLE");
        UUID first = visit(view(id), 1);
        TestEvents.publish(new VisitUnschedulable(UUID.fromString(id), first, 1, "NO_QUALIFIED_NURSE", Instant.now()),
                "dispatch-service");
        awaitStatus(id, "UNFULFILLED");
        ZonedDateTime tuesday = nextMonday().plusDays(1);

        HttpResponse<String> moved = as("patient1", "POST", path(id, first), windows(tuesday.toOffsetDateTime()));

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).get("status").asString()).isEqualTo("SCHEDULING");
        assertThat(visitNode(json(moved), 1).get("status").asString()).isEqualTo("REQUESTED");
        await().atMost(Duration.ofSeconds(60)).until(() -> requestsOf(id, first).size() == 2);
        assertThat(requestsOf(id, first).getLast().get("purpose").asString()).isEqualTo("RESCHEDULE");

        TestEvents.publish(new VisitScheduled(UUID.fromString(id), first, 1, UUID.randomUUID(), "Jordan P.",
                tuesday.toOffsetDateTime(), tuesday.plusMinutes(85).toOffsetDateTime(), "America/Los_Angeles",
                ScheduleCause.RESCHEDULED, null, false), "dispatch-service");

        awaitStatus(id, "CONFIRMED");
        JsonNode confirmed = JSON.readTree(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.BOOKING_CONFIRMED, id).value());
        assertThat(confirmed.get("visitId").asString()).isEqualTo(first.toString());
        assertThat(confirmed.get("courseVisits").asInt()).isEqualTo(6);
        await().atMost(Duration.ofSeconds(60)).until(() -> view(id).get("visits").size() == 6);
        assertThat(visitNode(view(id), 1).get("start").asString()).endsWith("T09:00:00-08:00");
    }

    @Test
    void aFailedRescheduleOfTheUnfulfilledFirstVisitLeavesItUnfulfilled() throws Exception {
        String id = screened("ELIGIBLE");
        UUID first = visit(view(id), 1);
        TestEvents.publish(new VisitUnschedulable(UUID.fromString(id), first, 1, "NO_QUALIFIED_NURSE", Instant.now()),
                "dispatch-service");
        awaitStatus(id, "UNFULFILLED");
        assertThat(as("patient1", "POST", path(id, first), windows(nextMonday().plusDays(1).toOffsetDateTime()))
                .statusCode()).isEqualTo(200);

        TestEvents.publish(new VisitRescheduleFailed(UUID.fromString(id), first, 1, "NO_QUALIFIED_NURSE", null,
                "America/Los_Angeles", Instant.now().atOffset(ZoneOffset.UTC).toInstant()), "dispatch-service");

        awaitStatus(id, "UNFULFILLED");
        awaitVisit(id, 1, "UNSCHEDULABLE");
        assertThat(events(id, EventTypes.BOOKING_UNFULFILLED)).hasSize(1);
    }
}
