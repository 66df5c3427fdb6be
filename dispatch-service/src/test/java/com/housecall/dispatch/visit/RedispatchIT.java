package com.housecall.dispatch.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventTypes;
import com.housecall.events.dispatch.DeclineReason;
import com.housecall.events.dispatch.ScheduleCause;
import com.housecall.events.dispatch.VisitDeclined;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitUnschedulable;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A declined or late visit goes to another qualified nurse, never back to one who gave it up: at the same start
 * if possible, else the earliest feasible start left in the windows, else it is unschedulable.
 */
class RedispatchIT extends VisitScenario {

    @Autowired
    LateNurseTimer timer;

    @AfterEach
    void clockBack() {
        CLOCK.reset();
    }

    /** Both runs start after the clock moved: the timer saw the moved time, whatever it did with it. */
    private void awaitTwoMoreTimerRuns() {
        long seen = timer.batches();
        await().atMost(Duration.ofSeconds(30)).until(() -> timer.batches() >= seen + 2);
    }

    @Test
    void aDeclinedVisitKeepsItsStartWithAnotherNurse() throws Exception {
        String prefix = freshPrefix();
        UUID alice = addNurse("decline-a-" + prefix, prefix, "");
        UUID bob = addNurse("decline-b-" + prefix, prefix, "");
        LocalDate day = aTuesday(LA);
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        VisitScheduled first = awaitEvent(visit, SCHEDULED, VisitScheduled.class);
        UUID firstNurse = first.nurseId();
        UUID otherNurse = firstNurse.equals(alice) ? bob : alice;
        String firstLogin = firstNurse.equals(alice) ? "decline-a-" + prefix : "decline-b-" + prefix;
        String otherLogin = firstNurse.equals(alice) ? "decline-b-" + prefix : "decline-a-" + prefix;

        HttpResponse<String> declined = post(nurseToken(firstLogin), "/api/nurse/visits/" + visit.visitId() + "/decline",
                "{\"reason\": \"family emergency\"}");

        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(json(declined).get("status").asString()).isEqualTo("DECLINED");
        VisitDeclined announced = awaitEvent(visit, EventTypes.VISIT_DECLINED, VisitDeclined.class);
        assertThat(announced.reason()).isEqualTo(DeclineReason.NURSE_DECLINED);
        assertThat(announced.nurseId()).isEqualTo(firstNurse);
        assertThat(events(visit, EventTypes.VISIT_DECLINED).getFirst().value()).doesNotContain("family");
        await().atMost(Duration.ofSeconds(60)).until(() -> events(visit, SCHEDULED).size() == 2);
        VisitScheduled moved = payloads(visit, SCHEDULED, VisitScheduled.class).get(1);
        assertThat(moved.visitId()).isEqualTo(visit.visitId());
        assertThat(moved.nurseId()).isEqualTo(otherNurse);
        assertThat(moved.start()).isEqualTo(first.start());
        assertThat(first.cause()).isEqualTo(ScheduleCause.BOOKED);
        assertThat(moved.cause()).isEqualTo(ScheduleCause.REDISPATCHED);
        assertThat(moved.previousStart()).isEqualTo(first.start());
        assertThat(moved.nurseChanged()).isTrue();

        assertThat(json(get(nurseToken(firstLogin), "/api/nurse/visits")).get("totalItems").asLong()).isZero();
        assertThat(json(get(nurseToken(otherLogin), "/api/nurse/visits")).get("items").get(0).get("visitId").asString())
                .isEqualTo(visit.visitId().toString());
        assertThat(post(nurseToken(firstLogin), "/api/nurse/visits/" + visit.visitId() + "/decline",
                "{\"reason\": \"again\"}").statusCode()).as("no longer theirs").isEqualTo(404);

        // the second nurse declines too: nobody else is qualified, and the one who declined is never asked again
        assertThat(post(nurseToken(otherLogin), "/api/nurse/visits/" + visit.visitId() + "/decline",
                "{\"reason\": \"sick\"}").statusCode()).isEqualTo(200);
        VisitUnschedulable unschedulable = awaitEvent(visit, EventTypes.VISIT_UNSCHEDULABLE, VisitUnschedulable.class);
        assertThat(unschedulable.reason()).isEqualTo("NO_QUALIFIED_NURSE");
        assertThat(unschedulable.visitId()).isEqualTo(visit.visitId());
        assertThat(events(visit, SCHEDULED)).hasSize(2);
        assertThat(json(get(nurseToken(otherLogin), "/api/nurse/visits")).get("totalItems").asLong()).isZero();
    }

    @Test
    void whenNobodyCanKeepTheStartTheVisitMovesToTheEarliestFeasibleOne() throws Exception {
        String prefix = freshPrefix();
        LocalDate day = aTuesday(LA);
        // bob is away until 10:30 that morning: only alice can take 09:00
        String bobAway = """
                {"start": "%s", "end": "%s"}""".formatted(day.atTime(6, 0).atZone(LA).toInstant(),
                day.atTime(10, 30).atZone(LA).toInstant());
        UUID alice = addNurse("move-a-" + prefix, prefix, "");
        UUID bob = addNurse("move-b-" + prefix, prefix, bobAway);
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        assertThat(awaitEvent(visit, SCHEDULED, VisitScheduled.class).nurseId()).isEqualTo(alice);

        assertThat(post(nurseToken("move-a-" + prefix), "/api/nurse/visits/" + visit.visitId() + "/decline",
                "{\"reason\": \"car broke down\"}").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> events(visit, SCHEDULED).size() == 2);
        VisitScheduled moved = payloads(visit, SCHEDULED, VisitScheduled.class).get(1);
        assertThat(moved.visitId()).isEqualTo(visit.visitId());
        assertThat(moved.nurseId()).isEqualTo(bob);
        assertThat(moved.start().atZoneSameInstant(LA).toLocalTime()).isEqualTo(LocalTime.of(10, 30));
        assertThat(moved.cause()).isEqualTo(ScheduleCause.REDISPATCHED);
        assertThat(moved.previousStart().atZoneSameInstant(LA).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(moved.nurseChanged()).isTrue();
    }

    @Test
    void aNurseNotOnTheWay30MinutesBeforeTheStartIsReplacedAndOperatorsSeeIt() throws Exception {
        String prefix = freshPrefix();
        UUID alice = addNurse("late-a-" + prefix, prefix, "");
        UUID bob = addNurse("late-b-" + prefix, prefix, "");
        // tomorrow: earlier than any other test's visit, so moving the clock there touches only this one
        LocalDate tomorrow = LocalDate.now(LA).plusDays(1);
        Booked visit = request(prefix, tomorrow.atTime(10, 0), tomorrow.atTime(10, 0), Instant.now());
        VisitScheduled first = awaitEvent(visit, SCHEDULED, VisitScheduled.class);
        UUID other = first.nurseId().equals(alice) ? bob : alice;
        Instant start = first.start().toInstant();

        CLOCK.setTo(start.minus(Duration.ofMinutes(31)));
        // a minute early, nothing happens however often the timer looks
        awaitTwoMoreTimerRuns();
        assertThat(events(visit, EventTypes.VISIT_DECLINED)).isEmpty();

        CLOCK.setTo(start.minus(Duration.ofMinutes(29)));
        VisitDeclined late = awaitEvent(visit, EventTypes.VISIT_DECLINED, VisitDeclined.class);
        assertThat(late.reason()).isEqualTo(DeclineReason.LATE_NURSE);
        assertThat(late.nurseId()).isEqualTo(first.nurseId());
        await().atMost(Duration.ofSeconds(60)).until(() -> events(visit, SCHEDULED).size() == 2);
        VisitScheduled replacement = payloads(visit, SCHEDULED, VisitScheduled.class).get(1);
        assertThat(replacement.nurseId()).isEqualTo(other);
        assertThat(replacement.start()).isEqualTo(first.start());
        assertThat(replacement.cause()).isEqualTo(ScheduleCause.REDISPATCHED);
        assertThat(replacement.previousStart()).isEqualTo(first.start());
        assertThat(replacement.nurseChanged()).isTrue();

        // the replacement was sent 29 minutes before the start: the timer does not take it from them too
        awaitTwoMoreTimerRuns();
        assertThat(events(visit, EventTypes.VISIT_DECLINED)).hasSize(1);
        assertThat(events(visit, EventTypes.VISIT_UNSCHEDULABLE)).isEmpty();
    }

    @Test
    void aNurseOnTheWayIsNotLate() throws Exception {
        String prefix = freshPrefix();
        addNurse("ontime-" + prefix, prefix, "");
        LocalDate tomorrow = LocalDate.now(LA).plusDays(1);
        Booked visit = request(prefix, tomorrow.atTime(11, 0), tomorrow.atTime(11, 0), Instant.now());
        VisitScheduled first = awaitEvent(visit, SCHEDULED, VisitScheduled.class);
        CLOCK.setTo(first.start().toInstant().minus(Duration.ofHours(2)));
        assertThat(post(nurseToken("ontime-" + prefix), "/api/nurse/visits/" + visit.visitId() + "/status",
                "{\"status\": \"EN_ROUTE\"}").statusCode()).isEqualTo(200);

        CLOCK.setTo(first.start().toInstant().minus(Duration.ofMinutes(10)));
        awaitTwoMoreTimerRuns();

        assertThat(events(visit, EventTypes.VISIT_DECLINED)).isEmpty();
        assertThat(json(get(nurseToken("ontime-" + prefix), "/api/nurse/visits")).get("items").get(0).get("status")
                .asString()).isEqualTo("EN_ROUTE");
    }
}
