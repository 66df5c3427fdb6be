package com.housecall.dispatch.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventTypes;
import com.housecall.events.TimeWindow;
import com.housecall.events.booking.VisitLocation;
import com.housecall.events.booking.VisitPhase;
import com.housecall.events.booking.VisitPurpose;
import com.housecall.events.booking.VisitRequested;
import com.housecall.events.dispatch.ScheduleCause;
import com.housecall.events.dispatch.VisitRescheduleFailed;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitUnschedulable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Contract item 4 and 5: booking asks again for a known visit (RESCHEDULE, REPLAN); the visit keeps its booking
 * until a nurse is found in the new windows, then moves in one step; decliners stay out.
 */
class RescheduleIT extends VisitScenario {

    @AfterEach
    void clockBack() {
        CLOCK.reset();
    }

    @Test
    void aRescheduledVisitMovesWithItsNurseAndFreesTheOldSlot() throws Exception {
        String prefix = freshPrefix();
        UUID alice = addNurse("move-" + prefix, prefix, "");
        LocalDate day = aTuesday(LA);
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        VisitScheduled first = awaitEvent(visit, SCHEDULED, VisitScheduled.class);

        // half an hour later overlaps the visit's own slot: that slot does not stand in its way
        ask(visit, prefix, VisitPurpose.RESCHEDULE, day.atTime(9, 30), day.atTime(9, 30));
        VisitScheduled later = awaitBooking(visit, 2);
        assertThat(later.visitId()).isEqualTo(visit.visitId());
        assertThat(later.cause()).isEqualTo(ScheduleCause.RESCHEDULED);
        assertThat(later.nurseId()).isEqualTo(alice);
        assertThat(later.nurseChanged()).isFalse();
        assertThat(later.start().atZoneSameInstant(LA).toLocalTime()).isEqualTo(LocalTime.of(9, 30));
        assertThat(later.previousStart()).isEqualTo(first.start());

        ask(visit, prefix, VisitPurpose.RESCHEDULE, day.plusDays(1).atTime(10, 0), day.plusDays(1).atTime(12, 0));
        VisitScheduled moved = awaitBooking(visit, 3);
        assertThat(moved.start().atZoneSameInstant(LA).toLocalDateTime()).isEqualTo(day.plusDays(1).atTime(10, 0));
        assertThat(moved.previousStart()).isEqualTo(later.start());
        JsonNode listed = json(get(nurseToken("move-" + prefix), "/api/nurse/visits")).get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("start").asString()).isEqualTo(day.plusDays(1).atTime(10, 0).atZone(LA)
                .toOffsetDateTime().format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));

        // the old slot is free again
        Booked another = request(prefix, day.atTime(9, 0), day.atTime(9, 0), Instant.now());
        assertThat(awaitEvent(another, SCHEDULED, VisitScheduled.class).nurseId()).isEqualTo(alice);
    }

    @Test
    void whenNobodyFitsTheNewWindowsTheVisitKeepsItsTime() throws Exception {
        String prefix = freshPrefix();
        LocalDate day = aTuesday(LA);
        addNurse("keep-" + prefix, prefix, awayOn(day.plusDays(1)));
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        VisitScheduled first = awaitEvent(visit, SCHEDULED, VisitScheduled.class);

        ask(visit, prefix, VisitPurpose.RESCHEDULE, day.plusDays(1).atTime(9, 0), day.plusDays(1).atTime(16, 0));

        VisitRescheduleFailed failed = awaitEvent(visit, EventTypes.VISIT_RESCHEDULE_FAILED, VisitRescheduleFailed.class);
        assertThat(failed.visitId()).isEqualTo(visit.visitId());
        assertThat(failed.reason()).isEqualTo("NO_QUALIFIED_NURSE");
        assertThat(failed.keptStart()).isEqualTo(first.start());
        assertThat(failed.timeZone()).isEqualTo(LA.getId());
        JsonNode kept = json(get(nurseToken("keep-" + prefix), "/api/nurse/visits")).get("items").get(0);
        assertThat(kept.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(OffsetStart.of(kept)).isEqualTo(first.start().toInstant());
        assertThat(events(visit, SCHEDULED)).hasSize(1);
    }

    @Test
    void whoDeclinedTheVisitIsNotAskedAgainOnAReschedule() throws Exception {
        String prefix = freshPrefix();
        LocalDate day = aTuesday(LA);
        UUID alice = addNurse("decl-a-" + prefix, prefix, "");
        addNurse("decl-b-" + prefix, prefix, awayOn(day.plusDays(1)));
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        UUID first = awaitEvent(visit, SCHEDULED, VisitScheduled.class).nurseId();
        String firstLogin = (first.equals(alice) ? "decl-a-" : "decl-b-") + prefix;
        assertThat(post(nurseToken(firstLogin), "/api/nurse/visits/" + visit.visitId() + "/decline",
                "{\"reason\": \"no\"}").statusCode()).isEqualTo(200);
        awaitBooking(visit, 2);

        // only alice is free that day: if she declined, nobody is
        ask(visit, prefix, VisitPurpose.RESCHEDULE, day.plusDays(1).atTime(9, 0), day.plusDays(1).atTime(12, 0));
        if (first.equals(alice)) {
            awaitEvent(visit, EventTypes.VISIT_RESCHEDULE_FAILED, VisitRescheduleFailed.class);
        } else {
            VisitScheduled moved = awaitBooking(visit, 3);
            assertThat(moved.nurseId()).isEqualTo(alice);
            assertThat(moved.nurseChanged()).isFalse();
        }
    }

    @Test
    void anUnschedulableVisitIsRescheduledOrReplanned() throws Exception {
        String prefix = freshPrefix();
        LocalDate day = aTuesday(LA);
        addNurse("replan-" + prefix, prefix, awayOn(day));
        Booked rescheduled = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        awaitEvent(rescheduled, EventTypes.VISIT_UNSCHEDULABLE, VisitUnschedulable.class);
        Booked replanned = request(prefix, day.atTime(13, 0), day.atTime(15, 0), Instant.now());
        awaitEvent(replanned, EventTypes.VISIT_UNSCHEDULABLE, VisitUnschedulable.class);

        ask(rescheduled, prefix, VisitPurpose.RESCHEDULE, day.plusDays(1).atTime(9, 0), day.plusDays(1).atTime(9, 0));
        VisitScheduled booked = awaitEvent(rescheduled, SCHEDULED, VisitScheduled.class);
        assertThat(booked.cause()).isEqualTo(ScheduleCause.RESCHEDULED);
        assertThat(booked.previousStart()).isNull();
        assertThat(booked.nurseChanged()).isFalse();

        // a re-plan nobody can take says unschedulable again; one somebody can take is a first booking
        ask(replanned, prefix, VisitPurpose.REPLAN, day.atTime(16, 0), day.atTime(17, 0));
        await().atMost(Duration.ofSeconds(60)).until(() -> events(replanned, EventTypes.VISIT_UNSCHEDULABLE).size() == 2);
        ask(replanned, prefix, VisitPurpose.REPLAN, day.plusDays(1).atTime(13, 0), day.plusDays(1).atTime(15, 0));
        VisitScheduled replan = awaitEvent(replanned, SCHEDULED, VisitScheduled.class);
        assertThat(replan.cause()).isEqualTo(ScheduleCause.BOOKED);
        assertThat(replan.start().atZoneSameInstant(LA).toLocalDateTime()).isEqualTo(day.plusDays(1).atTime(13, 0));
        assertThat(json(get(nurseToken("replan-" + prefix), "/api/nurse/visits")).get("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void aVisitUnderWayOrBookedAgainIsNotMoved() throws Exception {
        String prefix = freshPrefix();
        addNurse("underway-" + prefix, prefix, "");
        String nurse = nurseToken("underway-" + prefix);
        LocalDate day = aTuesday(LA);
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(9, 0), Instant.now());
        VisitScheduled first = awaitEvent(visit, SCHEDULED, VisitScheduled.class);

        // a BOOK for a known visit is a redelivery
        ask(visit, prefix, VisitPurpose.BOOK, day.plusDays(1).atTime(9, 0), day.plusDays(1).atTime(9, 0));
        CLOCK.setTo(first.start().toInstant().minus(Duration.ofHours(1)));
        assertThat(post(nurse, "/api/nurse/visits/" + visit.visitId() + "/status", "{\"status\": \"EN_ROUTE\"}")
                .statusCode()).isEqualTo(200);
        ask(visit, prefix, VisitPurpose.RESCHEDULE, day.plusDays(1).atTime(9, 0), day.plusDays(1).atTime(9, 0));

        JsonNode item = json(get(nurse, "/api/nurse/visits")).get("items").get(0);
        assertThat(item.get("status").asString()).isEqualTo("EN_ROUTE");
        assertThat(OffsetStart.of(item)).isEqualTo(first.start().toInstant());
        assertThat(events(visit, SCHEDULED)).hasSize(1);
        assertThat(events(visit, EventTypes.VISIT_RESCHEDULE_FAILED)).isEmpty();
    }

    private void ask(Booked visit, String prefix, VisitPurpose purpose, LocalDateTime from, LocalDateTime to) {
        dispatcher.requested(VisitLocation.of(new VisitRequested(visit.consultationId(), visit.visitId(), 1,
                VisitPhase.INDUCTION, List.of(new TimeWindow(from.atZone(LA).toOffsetDateTime(),
                        to.atZone(LA).toOffsetDateTime())), STATE, prefix, LA.getId(), Instant.now(), purpose),
                address(visit.consultationId(), prefix)));
    }

    private static VisitScheduled awaitBooking(Booked visit, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> events(visit, SCHEDULED).size() == count);
        return payloads(visit, SCHEDULED, VisitScheduled.class).get(count - 1);
    }

    /** Time off for the whole local day. */
    private static String awayOn(LocalDate day) {
        return """
                {"start": "%s", "end": "%s"}""".formatted(day.atStartOfDay(LA).toInstant(),
                day.plusDays(1).atStartOfDay(LA).toInstant());
    }

    private static final class OffsetStart {

        static Instant of(JsonNode item) {
            return java.time.OffsetDateTime.parse(item.get("start").asString()).toInstant();
        }
    }
}
