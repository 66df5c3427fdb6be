package com.housecall.booking.course;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.booking.course.CoursePlanner.Cadence;
import com.housecall.booking.course.CoursePlanner.PlannedVisit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The date arithmetic of moving one visit: the next-day re-plan and the starts a new window may hold. */
class CoursePlannerMovesTest {

    static final CoursePlanner PLANNER = new CoursePlanner(CoursePlanner.Hours.DEFAULT);
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    /** A Monday. */
    static final LocalDate MONDAY = LocalDate.of(2027, 1, 4);
    static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration GAP = Duration.ofHours(48);

    static ZonedDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(LOS_ANGELES);
    }

    @Test
    void theNextDayAtTheSameLocalTimeComesFirst() {
        ZonedDateTime planned = at(MONDAY.plusDays(2), 9, 0);
        List<ZonedDateTime> others = List.of(at(MONDAY, 9, 0));

        Optional<PlannedVisit> replanned = PLANNER.replan(planned, others, LONG_AGO, Cadence.INDUCTION_AFTER_FIRST, 3);

        assertThat(replanned).map(PlannedVisit::start).hasValue(at(MONDAY.plusDays(3), 9, 0));
        assertThat(replanned).map(PlannedVisit::windowEnd).hasValue(at(MONDAY.plusDays(3), 11, 0));
    }

    @Test
    void whenTheSameTimeIsTooCloseToANeighbourTheEarliestFeasibleStartThatDayIsTaken() {
        // planned Tuesday 09:00, the previous visit Monday 14:00: Wednesday 09:00 is too close, 14:00 is not
        List<ZonedDateTime> others = List.of(at(MONDAY, 14, 0));

        Optional<PlannedVisit> replanned = PLANNER.replan(at(MONDAY.plusDays(1), 9, 0), others, LONG_AGO,
                Cadence.INDUCTION_AFTER_FIRST, 3);

        assertThat(replanned).map(PlannedVisit::start).hasValue(at(MONDAY.plusDays(2), 14, 0));
    }

    @Test
    void aWeekWithTwoVisitsAlreadyIsSkipped() {
        // Friday's visit moves: Saturday is in a week that holds two others; Sunday is no service day; Monday fits
        ZonedDateTime planned = at(MONDAY.plusDays(4), 9, 0);
        List<ZonedDateTime> others = List.of(at(MONDAY, 9, 0), at(MONDAY.plusDays(2), 9, 0));

        Optional<PlannedVisit> replanned = PLANNER.replan(planned, others, LONG_AGO, Cadence.INDUCTION_AFTER_FIRST, 3);

        assertThat(replanned).map(PlannedVisit::start).hasValue(at(MONDAY.plusDays(7), 9, 0));
    }

    @Test
    void noFeasibleDayWithinTheBoundLeavesItAlone() {
        // Monday's visit between Wednesday's neighbours on both sides: every day up to Thursday is within 48 h
        ZonedDateTime planned = at(MONDAY.plusDays(7), 9, 0);
        List<ZonedDateTime> others = List.of(at(MONDAY.plusDays(2), 9, 0), at(MONDAY.plusDays(9), 9, 0));

        assertThat(PLANNER.replan(planned, others, LONG_AGO, Cadence.INDUCTION_AFTER_FIRST, 3)).isEmpty();
    }

    @Test
    void theLeadTimeToFastIsKept() {
        ZonedDateTime planned = at(MONDAY, 9, 0);
        Instant notBefore = at(MONDAY.plusDays(1), 10, 0).toInstant();

        Optional<PlannedVisit> replanned = PLANNER.replan(planned, List.of(), notBefore, Cadence.INDUCTION_AFTER_FIRST, 3);

        assertThat(replanned).map(PlannedVisit::start).hasValue(at(MONDAY.plusDays(1), 10, 0));
    }

    @Test
    void aWindowHoldsTheFirstStartOnTheGridInsideServiceHoursAndApartFromTheOthers() {
        List<ZonedDateTime> others = List.of(at(MONDAY, 9, 0));

        assertThat(PLANNER.firstFeasibleStart(at(MONDAY.plusDays(2), 7, 10), at(MONDAY.plusDays(2), 12, 0), others,
                GAP, LONG_AGO, LOS_ANGELES)).hasValue(at(MONDAY.plusDays(2), 9, 0));
        assertThat(PLANNER.firstFeasibleStart(at(MONDAY.plusDays(3), 7, 10), at(MONDAY.plusDays(3), 12, 0), others,
                GAP, LONG_AGO, LOS_ANGELES)).hasValue(at(MONDAY.plusDays(3), 8, 0));
        assertThat(PLANNER.firstFeasibleStart(at(MONDAY.plusDays(3), 10, 5), at(MONDAY.plusDays(3), 12, 0), others,
                GAP, LONG_AGO, LOS_ANGELES)).hasValue(at(MONDAY.plusDays(3), 10, 15));
        // an evening window spanning the night holds the next morning's 08:00
        assertThat(PLANNER.firstFeasibleStart(at(MONDAY.plusDays(3), 18, 0), at(MONDAY.plusDays(4), 9, 0), others,
                GAP, LONG_AGO, LOS_ANGELES)).hasValue(at(MONDAY.plusDays(4), 8, 0));
        assertThat(PLANNER.firstFeasibleStart(at(MONDAY.plusDays(3), 18, 0), at(MONDAY.plusDays(3), 23, 0), others,
                GAP, LONG_AGO, LOS_ANGELES)).isEmpty();
        assertThat(PLANNER.firstFeasibleStart(at(MONDAY.plusDays(1), 8, 0), at(MONDAY.plusDays(1), 17, 0), others,
                GAP, LONG_AGO, LOS_ANGELES)).isEmpty();
        assertThat(PLANNER.firstFeasibleStart(at(MONDAY.plusDays(3), 8, 0), at(MONDAY.plusDays(3), 17, 0), List.of(),
                GAP, at(MONDAY.plusDays(3), 16, 50).toInstant(), LOS_ANGELES)).hasValue(at(MONDAY.plusDays(3), 17, 0));
        assertThat(LocalTime.of(17, 0)).isEqualTo(CoursePlanner.Hours.DEFAULT.dayEnd());
    }
}
