package com.housecall.dispatch.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventTypes;
import com.housecall.events.dispatch.DeclineReason;
import com.housecall.events.dispatch.ScheduleCause;
import com.housecall.events.dispatch.VisitDeclined;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.testsupport.DevJwt;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DECISIONS 14: a nurse taken out of dispatch, or whose time off or shifts no longer cover a booked visit, gives
 * that visit up: {@code visit.declined} says why, then another nurse takes it (cause REDISPATCHED).
 */
class RosterChangesIT extends VisitScenario {

    private final String operator = DevJwt.token("operator1");

    record Pair(Booked visit, VisitScheduled first, UUID other, String firstLogin) {
    }

    /** Two nurses for a fresh area and a visit for one of them. */
    private Pair booked(String name, LocalDate day) throws Exception {
        String prefix = freshPrefix();
        UUID a = addNurse(name + "-a-" + prefix, prefix, "");
        UUID b = addNurse(name + "-b-" + prefix, prefix, "");
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        VisitScheduled first = awaitEvent(visit, SCHEDULED, VisitScheduled.class);
        boolean isA = first.nurseId().equals(a);
        return new Pair(visit, first, isA ? b : a, name + (isA ? "-a-" : "-b-") + prefix);
    }

    @Test
    void timeOffOverABookedVisitSendsItToAnotherNurseAtTheSameStart() throws Exception {
        LocalDate day = aTuesday(LA);
        Pair booked = booked("away", day);
        String self = nurseToken(booked.firstLogin());

        // time off another day leaves the visit where it is
        assertThat(put(self, "/api/nurse/availability", availability(day.plusDays(1))).statusCode()).isEqualTo(200);
        HttpResponse<String> away = put(self, "/api/nurse/availability", availability(day));
        assertThat(away.statusCode()).as(away.body()).isEqualTo(200);

        VisitDeclined declined = awaitEvent(booked.visit(), EventTypes.VISIT_DECLINED, VisitDeclined.class);
        assertThat(declined.reason()).isEqualTo(DeclineReason.NURSE_UNAVAILABLE);
        assertThat(declined.nurseId()).isEqualTo(booked.first().nurseId());
        VisitScheduled moved = awaitSecondBooking(booked.visit());
        assertThat(moved.nurseId()).isEqualTo(booked.other());
        assertThat(moved.start()).isEqualTo(booked.first().start());
        assertThat(moved.cause()).isEqualTo(ScheduleCause.REDISPATCHED);
        assertThat(moved.previousStart()).isEqualTo(booked.first().start());
        assertThat(moved.nurseChanged()).isTrue();
        assertThat(events(booked.visit(), EventTypes.VISIT_DECLINED)).hasSize(1);
        assertThat(json(get(self, "/api/nurse/visits")).get("totalItems").asLong()).isZero();
    }

    @Test
    void anOperatorsShiftChangeOverABookedVisitSendsItToAnotherNurse() throws Exception {
        Pair booked = booked("shift", aTuesday(LA));
        UUID firstNurse = booked.first().nurseId();
        JsonBody nurse = JsonBody.of(json(get(operator, "/api/nurses/" + firstNurse)).toString());

        HttpResponse<String> mornings = put(operator, "/api/nurses/" + firstNurse,
                nurse.with("shifts", "[" + everyDay("06:00", "08:30") + "]"));
        assertThat(mornings.statusCode()).as(mornings.body()).isEqualTo(200);

        VisitDeclined declined = awaitEvent(booked.visit(), EventTypes.VISIT_DECLINED, VisitDeclined.class);
        assertThat(declined.reason()).isEqualTo(DeclineReason.NURSE_UNAVAILABLE);
        assertThat(awaitSecondBooking(booked.visit()).nurseId()).isEqualTo(booked.other());
    }

    @Test
    void anInactiveNurseGivesUpTheirVisitsAndIsNeverChosenAgain() throws Exception {
        LocalDate day = aTuesday(LA);
        Pair booked = booked("inactive", day);
        UUID firstNurse = booked.first().nurseId();
        JsonBody nurse = JsonBody.of(json(get(operator, "/api/nurses/" + firstNurse)).toString());
        assertThat(nurse.json()).contains("\"active\":true");

        HttpResponse<String> off = put(operator, "/api/nurses/" + firstNurse, nurse.with("active", "false"));
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(json(off).get("active").asBoolean()).isFalse();

        VisitDeclined declined = awaitEvent(booked.visit(), EventTypes.VISIT_DECLINED, VisitDeclined.class);
        assertThat(declined.reason()).isEqualTo(DeclineReason.NURSE_INACTIVE);
        VisitScheduled moved = awaitSecondBooking(booked.visit());
        assertThat(moved.nurseId()).isEqualTo(booked.other());
        assertThat(moved.start()).isEqualTo(booked.first().start());
        assertThat(moved.cause()).isEqualTo(ScheduleCause.REDISPATCHED);

        // a PUT without "active" keeps the nurse out; a new visit at the same time cannot go to them
        assertThat(json(put(operator, "/api/nurses/" + firstNurse, nurse.without("active"))).get("active").asBoolean())
                .isFalse();
        String prefix = booked.firstLogin().substring(booked.firstLogin().lastIndexOf('-') + 1);
        Booked next = request(prefix, day.atTime(9, 0), day.atTime(9, 0), Instant.now());
        assertThat(awaitEvent(next, EventTypes.VISIT_UNSCHEDULABLE, VisitUnschedulable.class).reason())
                .isEqualTo("NO_QUALIFIED_NURSE");

        // back in dispatch, and the other nurse takes time off over the visit: it goes back at its time
        assertThat(put(operator, "/api/nurses/" + firstNurse, nurse.with("active", "true")).statusCode()).isEqualTo(200);
        JsonBody other = JsonBody.of(json(get(operator, "/api/nurses/" + booked.other())).toString());
        assertThat(put(operator, "/api/nurses/" + booked.other(), other.with("timeOff", """
                [{"start": "%s", "end": "%s"}]""".formatted(day.atStartOfDay(LA).toInstant(),
                day.plusDays(1).atStartOfDay(LA).toInstant()))).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> events(booked.visit(), SCHEDULED).size() == 3);
        VisitScheduled back = payloads(booked.visit(), SCHEDULED, VisitScheduled.class).get(2);
        assertThat(back.nurseId()).isEqualTo(firstNurse);
        assertThat(back.start()).isEqualTo(booked.first().start());
    }

    private static VisitScheduled awaitSecondBooking(Booked visit) {
        await().atMost(Duration.ofSeconds(60)).until(() -> events(visit, SCHEDULED).size() == 2);
        return payloads(visit, SCHEDULED, VisitScheduled.class).get(1);
    }

    /** On shift every day, away the whole of {@code away} (Los Angeles time). */
    private static String availability(LocalDate away) {
        return """
                {"shifts": [%s], "timeOff": [{"start": "%s", "end": "%s"}]}""".formatted(everyDay("07:00", "19:00"),
                away.atStartOfDay(LA).toInstant(), away.plusDays(1).atStartOfDay(LA).toInstant());
    }

    /** A nurse as GET answers it, edited field by field for a PUT. */
    record JsonBody(String json) {

        /** The whole answer, id included, as an operator's page sends it back. */
        static JsonBody of(String json) {
            return new JsonBody(json);
        }

        String with(String field, String value) {
            var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(json);
            node.set(field, JSON.readTree(value));
            return node.toString();
        }

        String without(String field) {
            var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(json);
            node.remove(field);
            return node.toString();
        }
    }
}
