package com.housecall.booking.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.booking.course.CoursePlanner;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.events.screening.CaseKind;
import com.housecall.events.screening.Decision;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.testsupport.TestEvents;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The status machine of CONTRACT.md section 4 and the treatment course of CLINICAL-RULES.md section 2. */
class StatusMachineIT extends CourseFixtures {

    // ------------------------------------------------------------------ cancel

    @Test
    void theOwnerCancelsARequestAndASecondCancelIs409() throws Exception {
        String id = requested();

        HttpResponse<String> cancelled = cancel("patient1", id);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(json(cancelled).get("patient").get("givenName").asString()).isEqualTo("Ada");
        assertThat(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_CANCELLED, id).value())
                .contains("\"previousStatus\":\"REQUESTED\"", "\"cancelledBy\":\"PATIENT\"");
        HttpResponse<String> again = cancel("patient1", id);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void cancelFollowsTheRoleTableAndOwnership() throws Exception {
        String id = requested();

        assertThat(cancel("clinician1", id).statusCode()).isEqualTo(403);
        assertThat(cancel("nurse1", id).statusCode()).isEqualTo(403);
        assertThat(cancel("patient2", id).statusCode()).isEqualTo(404);
        assertThat(cancel("clinic-a", id).statusCode()).isEqualTo(404);
        assertThat(cancel("patient1", UUID.randomUUID().toString()).statusCode()).isEqualTo(404);
        assertThat(cancel("patient1", "nope").statusCode()).isEqualTo(404);
        HttpResponse<String> byOperator = cancel("operator1", id);
        assertThat(byOperator.statusCode()).isEqualTo(200);
        assertThat(byOperator.body()).doesNotContain("Ada");
        assertThat(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_CANCELLED, id).value())
                .contains("\"cancelledBy\":\"OPERATOR\"");
    }

    @Test
    void anIneligibleConsultationIsFinalAndCancelIs409() throws Exception {
        String id = screened("INELIGIBLE");

        assertThat(cancel("patient1", id).statusCode()).isEqualTo(409);
    }

    @Test
    void cancellingAConfirmedCourseCancelsVisitsNotYetStartedButNeverOneEnRoute() throws Exception {
        String id = confirmed();
        UUID first = visit(view(id), 1);
        nurseSets(id, first, "EN_ROUTE");
        awaitVisit(id, 1, "EN_ROUTE");

        JsonNode cancelled = json(cancel("patient1", id));

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        Map<Integer, String> statuses = StreamSupport.stream(cancelled.get("visits").spliterator(), false)
                .collect(Collectors.toMap(v -> v.get("sequence").asInt(), v -> v.get("status").asString()));
        assertThat(statuses).containsEntry(1, "EN_ROUTE");
        assertThat(statuses.entrySet()).filteredOn(e -> e.getKey() > 1).extracting(Map.Entry::getValue).containsOnly("CANCELLED");
        await().atMost(Duration.ofSeconds(60)).until(() -> events(id, EventTypes.VISIT_CANCELLED).size() == 5);
        assertThat(events(id, EventTypes.VISIT_CANCELLED)).noneMatch(r -> r.value().contains(first.toString()));
    }

    // ------------------------------------------------------------------ one visit

    @Test
    void theOwnerCancelsOneVisitNotYetStarted() throws Exception {
        String id = confirmed();
        JsonNode view = view(id);
        UUID third = visit(view, 3);
        String path = "/api/consultations/" + id + "/visits/" + third + "/cancel";

        assertThat(as("clinician1", "POST", path, null).statusCode()).isEqualTo(403);
        assertThat(as("operator1", "POST", path, null).statusCode()).isEqualTo(403);
        assertThat(as("patient2", "POST", path, null).statusCode()).isEqualTo(404);
        assertThat(as("patient1", "POST", "/api/consultations/" + id + "/visits/" + UUID.randomUUID() + "/cancel", null)
                .statusCode()).isEqualTo(404);
        HttpResponse<String> cancelled = as("patient1", "POST", path, null);

        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json(cancelled).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(json(cancelled).get("visits").get(2).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.VISIT_CANCELLED, id).value())
                .contains(third.toString(), "PATIENT_REQUEST");
        assertThat(as("patient1", "POST", path, null).statusCode()).isEqualTo(409);
        // a visit of another consultation is not found under this one
        String other = confirmed();
        assertThat(as("patient1", "POST", "/api/consultations/" + other + "/visits/" + third + "/cancel", null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aVisitOnItsWayCannotBeCancelledNorOneBeforeTheCourseIsConfirmed() throws Exception {
        String id = confirmed();
        UUID first = visit(view(id), 1);
        nurseSets(id, first, "EN_ROUTE");
        awaitVisit(id, 1, "EN_ROUTE");

        assertThat(as("patient1", "POST", "/api/consultations/" + id + "/visits/" + first + "/cancel", null)
                .statusCode()).isEqualTo(409);
        String scheduling = screened("ELIGIBLE");
        UUID requestedVisit = visit(view(scheduling), 1);
        assertThat(as("patient1", "POST", "/api/consultations/" + scheduling + "/visits/" + requestedVisit + "/cancel", null)
                .statusCode()).isEqualTo(409);
    }

    // ------------------------------------------------------------------ windows and unfulfilled

    @Test
    void anUnschedulableFirstVisitIsUnfulfilledAndNewWindowsScheduleAgain() throws Exception {
        String id = screened("ELIGIBLE");
        UUID first = visit(view(id), 1);
        TestEvents.publish(new VisitUnschedulable(UUID.fromString(id), first, 1, "NO_QUALIFIED_NURSE", Instant.now()),
                "dispatch-service");
        awaitStatus(id, "UNFULFILLED");
        assertThat(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.BOOKING_UNFULFILLED, id).value()).contains(first.toString());
        String path = "/api/consultations/" + id + "/preferred-windows";
        OffsetDateTime start = OffsetDateTime.now(LOS_ANGELES).plusDays(4).truncatedTo(ChronoUnit.HOURS);

        assertThat(as("clinician1", "PUT", path, windows(start)).statusCode()).isEqualTo(403);
        assertThat(as("patient2", "PUT", path, windows(start)).statusCode()).isEqualTo(404);
        HttpResponse<String> invalid = as("patient1", "PUT", path, """
                {"preferredWindows": [{"start": "%s", "end": "%s"}]}""".formatted(start, start.minusHours(1)));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("errors").findValuesAsString("field")).containsExactly("preferredWindows[0].end");
        assertThat(json(as("patient1", "PUT", path, "{\"preferredWindows\": []}")).get("errors")
                .findValuesAsString("field")).containsExactly("preferredWindows");

        HttpResponse<String> replaced = as("patient1", "PUT", path, windows(start));

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(json(replaced).get("status").asString()).isEqualTo("SCHEDULING");
        await().atMost(Duration.ofSeconds(60)).until(() -> events(id, EventTypes.VISIT_REQUESTED).size() == 2);
        assertThat(firstWindowStart(events(id, EventTypes.VISIT_REQUESTED).getLast())).isEqualTo(start.toInstant());
        assertThat(events(id, EventTypes.VISIT_REQUESTED).getLast().value()).doesNotContain(first.toString());
        assertThat(as("patient1", "PUT", path, windows(start)).statusCode()).isEqualTo(409);
    }

    @Test
    void windowsChangedInReviewWaitForTheClinician() throws Exception {
        String id = screened("REVIEW");
        OffsetDateTime start = OffsetDateTime.now(LOS_ANGELES).plusDays(6).truncatedTo(ChronoUnit.HOURS);

        HttpResponse<String> replaced = as("patient1", "PUT", "/api/consultations/" + id + "/preferred-windows", windows(start));

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(json(replaced).get("status").asString()).isEqualTo("IN_REVIEW");
        TestEvents.publish(new ScreeningDecided(UUID.fromString(id), Decision.APPROVE, CaseKind.INTAKE, Instant.now()), "screening-service");
        assertThat(firstWindowStart(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.VISIT_REQUESTED, id)))
                .isEqualTo(start.toInstant());
    }

    // ------------------------------------------------------------------ the course

    @Test
    void aConfirmedFirstVisitRequestsVisitsTwoToSixTwoPerWeekAtTheSameTime() throws Exception {
        String id = confirmed();

        JsonNode view = view(id);
        assertThat(view.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(view.get("visits").findValuesAsString("phase")).containsOnly("INDUCTION");
        assertThat(view.get("timeline").findValuesAsString("type")).contains("booking.confirmed");
        await().atMost(Duration.ofSeconds(60)).until(() -> events(id, EventTypes.VISIT_REQUESTED).size() == 6);
        List<OffsetDateTime> starts = events(id, EventTypes.VISIT_REQUESTED).stream()
                .map(r -> JSON.readTree(r.value())).filter(e -> e.get("sequence").asInt() > 1)
                .map(e -> {
                    assertThat(e.get("windows")).hasSize(1);
                    OffsetDateTime start = OffsetDateTime.parse(e.get("windows").get(0).get("start").asString());
                    OffsetDateTime end = OffsetDateTime.parse(e.get("windows").get(0).get("end").asString());
                    assertThat(end.atZoneSameInstant(LOS_ANGELES).toLocalTime()).isBeforeOrEqualTo(LocalTime.of(17, 0));
                    return start;
                }).sorted().toList();
        assertThat(starts).hasSize(5);
        assertThat(starts).extracting(s -> s.atZoneSameInstant(LOS_ANGELES).toLocalTime()).containsOnly(LocalTime.of(9, 0));
        assertThat(starts.stream().collect(Collectors.groupingBy(
                s -> CoursePlanner.weekOf(s.atZoneSameInstant(LOS_ANGELES).toLocalDate()), Collectors.counting())).values())
                .allMatch(n -> n <= 2);
    }

    @Test
    void theLastVisitCompletedCompletesTheCourseWhichIsThenFinal() throws Exception {
        String id = confirmed();
        JsonNode view = view(id);
        for (JsonNode visit : view.get("visits")) {
            nurseSets(id, UUID.fromString(visit.get("id").asString()), "COMPLETED");
        }

        awaitStatus(id, "COMPLETED");

        assertThat(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.BOOKING_COMPLETED, id).value())
                .contains("\"visitsCompleted\":6");
        assertThat(view(id).get("timeline").findValuesAsString("type")).contains("visit.status-changed", "booking.completed");
        assertThat(cancel("patient1", id).statusCode()).isEqualTo(409);
    }

    @Test
    void aFreshPhq9IsTakenInTheLastWeekOfTheInductionAndItsAnswersStayOffTheSharedTopic() throws Exception {
        String id = confirmed();
        String path = "/api/consultations/" + id + "/phq9";
        String answers = "{\"phq9\": [1, 1, 1, 1, 0, 0, 1, 0, 0]}";
        assertThat(as("patient1", "POST", path, answers).statusCode()).isEqualTo(409);
        assertThat(as("clinician1", "POST", path, answers).statusCode()).isEqualTo(403);
        assertThat(as("patient2", "POST", path, answers).statusCode()).isEqualTo(404);
        HttpResponse<String> invalid = as("patient1", "POST", path, "{\"phq9\": [1, 1, 1, 1, 0, 0, 1, 0, 4]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("errors").findValuesAsString("field")).containsExactly("phq9[8]");
        JsonNode view = view(id);
        for (int sequence = 1; sequence <= 4; sequence++) {
            nurseSets(id, visit(view, sequence), "COMPLETED");
        }
        awaitVisit(id, 4, "COMPLETED");

        HttpResponse<String> submitted = as("patient1", "POST", path, answers);

        assertThat(submitted.statusCode()).isEqualTo(200);
        assertThat(json(submitted).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(json(submitted).has("crisisResources")).isFalse();
        assertThat(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.PHQ9_SUBMITTED, id).value()).doesNotContain("phq9\"");
        assertThat(topics.opened(topics.awaitOne(Topics.BOOKING_INTAKE, EventTypes.PHQ9_ANSWERS, id)))
                .contains("\"phq9\":[1,1,1,1,0,0,1,0,0]");
        assertThat(as("patient1", "POST", path, answers).statusCode()).isEqualTo(409);

        // the clinician approves: a maintenance block of 4 weekly visits
        TestEvents.publish(new ScreeningDecided(UUID.fromString(id), Decision.APPROVE, CaseKind.MAINTENANCE, Instant.now()), "screening-service");
        await().atMost(Duration.ofSeconds(60)).until(() -> view(id).get("visits").findValuesAsString("phase").stream()
                .filter("MAINTENANCE"::equals).count() == 4);
    }

    @Test
    void aCrisisAnswerOnAConfirmedCourseHoldsItAndCancelsTheVisitsNotYetStarted() throws Exception {
        String id = confirmed();
        UUID first = visit(view(id), 1);
        nurseSets(id, first, "ARRIVED");
        awaitVisit(id, 1, "ARRIVED");

        HttpResponse<String> submitted = as("patient1", "POST", "/api/consultations/" + id + "/phq9",
                "{\"phq9\": [2, 2, 2, 2, 1, 1, 1, 1, 1]}");

        assertThat(submitted.statusCode()).isEqualTo(200);
        JsonNode view = json(submitted);
        assertThat(view.get("status").asString()).isEqualTo("SAFETY_HOLD");
        assertThat(view.get("crisisResources").findValuesAsString("phone")).containsExactly("911", "988");
        assertThat(view.get("visits").get(0).get("status").asString()).isEqualTo("ARRIVED");
        assertThat(view.get("visits").findValuesAsString("status").subList(1, 6)).containsOnly("CANCELLED");
        await().atMost(Duration.ofSeconds(60)).until(() -> events(id, EventTypes.VISIT_CANCELLED).size() == 5);
        assertThat(events(id, EventTypes.VISIT_CANCELLED)).allMatch(r -> r.value().contains("SAFETY_HOLD"));
    }

    @Test
    void aFreshPhq9BeforeTheCourseIsConfirmedIs409() throws Exception {
        String id = screened("ELIGIBLE");

        assertThat(as("patient1", "POST", "/api/consultations/" + id + "/phq9", "{\"phq9\": [1, 1, 1, 1, 0, 0, 1, 0, 0]}")
                .statusCode()).isEqualTo(409);
    }
}
