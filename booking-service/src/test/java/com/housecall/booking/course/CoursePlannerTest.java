package com.housecall.booking.course;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.booking.course.CoursePlanner.Cadence;
import com.housecall.booking.course.CoursePlanner.PlannedVisit;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CoursePlannerTest {

    static final CoursePlanner PLANNER = new CoursePlanner(CoursePlanner.Hours.DEFAULT);
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** The US daylight-saving changes of 2026 and 2027 (both zones change on the same local dates). */
    static final List<LocalDate> DST_CHANGES = List.of(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 11, 1),
            LocalDate.of(2027, 3, 14), LocalDate.of(2027, 11, 7));
    static final List<LocalTime> FIRST_VISIT_TIMES = List.of(LocalTime.of(8, 0), LocalTime.of(9, 0),
            LocalTime.of(12, 15), LocalTime.of(15, 30), LocalTime.of(16, 45));

    /** A first visit on each of the 13 days up to and around each change, at several local times, in both zones. */
    static Stream<Arguments> firstVisitsAroundDaylightSavingChanges() {
        List<Arguments> cases = new ArrayList<>();
        for (ZoneId zone : List.of(LOS_ANGELES, NEW_YORK)) {
            for (LocalDate change : DST_CHANGES) {
                for (int days = -10; days <= 2; days++) {
                    LocalDate day = change.plusDays(days);
                    if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                        continue;
                    }
                    for (LocalTime time : FIRST_VISIT_TIMES) {
                        cases.add(Arguments.of(day.atTime(time).atZone(zone)));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("firstVisitsAroundDaylightSavingChanges")
    void inductionKeepsTwoPerIsoWeekFortyEightHoursApartInsideServiceHours(ZonedDateTime first) {
        ZoneId zone = first.getZone();
        List<PlannedVisit> planned = PLANNER.plan(List.of(first), first.toLocalTime(), zone, Cadence.INDUCTION_AFTER_FIRST);

        assertThat(planned).hasSize(5);
        List<ZonedDateTime> course = new ArrayList<>(List.of(first));
        planned.forEach(v -> course.add(v.start()));
        Map<LocalDate, Long> perWeek = course.stream().collect(Collectors.groupingBy(
                s -> CoursePlanner.weekOf(s.withZoneSameInstant(zone).toLocalDate()), Collectors.counting()));
        assertThat(perWeek.values()).allMatch(n -> n <= 2);
        for (int i = 1; i < course.size(); i++) {
            ZonedDateTime previous = course.get(i - 1);
            ZonedDateTime start = course.get(i);
            assertThat(Duration.between(previous.toInstant(), start.toInstant())).isGreaterThanOrEqualTo(Duration.ofHours(48));
            LocalTime local = start.withZoneSameInstant(zone).toLocalTime();
            assertThat(local).isBetween(LocalTime.of(8, 0), LocalTime.of(17, 0));
            assertThat(local.getMinute() % 15).isZero();
            assertThat(start.getDayOfWeek()).isNotEqualTo(DayOfWeek.SUNDAY);
            // the same local time where possible: a different time only when that time was under 48 h after the previous
            if (!local.equals(first.toLocalTime())) {
                ZonedDateTime sameTime = start.toLocalDate().atTime(first.toLocalTime()).atZone(zone);
                assertThat(sameTime).isBefore(previous.plusHours(48));
            }
        }
        for (PlannedVisit visit : planned) {
            assertThat(visit.windowEnd()).isAfter(visit.start());
            assertThat(visit.windowEnd().toLocalDate()).isEqualTo(visit.start().toLocalDate());
            assertThat(visit.windowEnd().toLocalTime()).isBeforeOrEqualTo(LocalTime.of(17, 0));
            assertThat(visit.start().getZone()).isEqualTo(zone);
        }
        // the whole induction in about 3 weeks
        assertThat(Duration.between(first.toInstant(), planned.getLast().start().toInstant())).isLessThan(Duration.ofDays(22));
    }

    @Test
    void mondayAfterTheSpringChangeIsOnly47HoursAfterSaturdaySoTheVisitMovesToTheEarliestStartThatDay() {
        ZonedDateTime saturday = ZonedDateTime.of(2026, 3, 7, 9, 0, 0, 0, LOS_ANGELES);

        List<PlannedVisit> planned = PLANNER.plan(List.of(saturday), LocalTime.of(9, 0), LOS_ANGELES,
                Cadence.INDUCTION_AFTER_FIRST);

        assertThat(planned.getFirst().start()).isEqualTo(ZonedDateTime.of(2026, 3, 9, 10, 0, 0, 0, LOS_ANGELES));
        assertThat(planned.getFirst().windowEnd()).isEqualTo(ZonedDateTime.of(2026, 3, 9, 12, 0, 0, 0, LOS_ANGELES));
        // Wednesday 09:00 would be 47 h after Monday 10:00: 10:00 again; back to 09:00 the next Monday
        assertThat(planned.get(1).start()).isEqualTo(ZonedDateTime.of(2026, 3, 11, 10, 0, 0, 0, LOS_ANGELES));
        assertThat(planned.get(2).start()).isEqualTo(ZonedDateTime.of(2026, 3, 16, 9, 0, 0, 0, LOS_ANGELES));
    }

    @Test
    void mondayAfterTheAutumnChangeIs49HoursAfterSaturdayAndKeepsTheTime() {
        ZonedDateTime saturday = ZonedDateTime.of(2026, 10, 31, 9, 0, 0, 0, NEW_YORK);

        List<PlannedVisit> planned = PLANNER.plan(List.of(saturday), LocalTime.of(9, 0), NEW_YORK,
                Cadence.INDUCTION_AFTER_FIRST);

        assertThat(planned.getFirst().start()).isEqualTo(ZonedDateTime.of(2026, 11, 2, 9, 0, 0, 0, NEW_YORK));
    }

    @Test
    void aMondayStartGivesMondaysAndWednesdaysForThreeWeeks() {
        ZonedDateTime monday = ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, LOS_ANGELES);

        List<PlannedVisit> planned = PLANNER.plan(List.of(monday), LocalTime.of(9, 0), LOS_ANGELES,
                Cadence.INDUCTION_AFTER_FIRST);

        assertThat(planned).extracting(v -> v.start().toLocalDate().toString()).containsExactly(
                "2026-12-09", "2026-12-14", "2026-12-16", "2026-12-21", "2026-12-23");
        assertThat(planned).extracting(v -> v.start().toLocalTime()).containsOnly(LocalTime.of(9, 0));
    }

    @Test
    void aLateStartWhoseWindowWouldPassFivePmEndsItsWindowAtFive() {
        ZonedDateTime monday = ZonedDateTime.of(2026, 12, 7, 16, 30, 0, 0, LOS_ANGELES);

        PlannedVisit next = PLANNER.plan(List.of(monday), LocalTime.of(16, 30), LOS_ANGELES,
                Cadence.INDUCTION_AFTER_FIRST).getFirst();

        assertThat(next.start().toLocalTime()).isEqualTo(LocalTime.of(16, 30));
        assertThat(next.windowEnd().toLocalTime()).isEqualTo(LocalTime.of(17, 0));
    }

    @Test
    void aMaintenanceBlockIsOneAWeekAfterTheInductionAtTheSameTime() {
        List<ZonedDateTime> induction = Stream.of("2026-12-07", "2026-12-09", "2026-12-14", "2026-12-16", "2026-12-21",
                "2026-12-23").map(d -> LocalDate.parse(d).atTime(9, 0).atZone(LOS_ANGELES)).toList();

        List<PlannedVisit> block = PLANNER.plan(induction, LocalTime.of(9, 0), LOS_ANGELES, Cadence.MAINTENANCE);

        assertThat(block).extracting(v -> v.start().toLocalDate().toString())
                .containsExactly("2026-12-29", "2027-01-04", "2027-01-11", "2027-01-18");
        Map<LocalDate, Long> perWeek = block.stream().collect(Collectors.groupingBy(
                v -> CoursePlanner.weekOf(v.start().toLocalDate()), Collectors.counting()));
        assertThat(perWeek.values()).containsOnly(1L);
        assertThat(block.stream().map(PlannedVisit::start).map(ZonedDateTime::toLocalTime).collect(
                Collectors.toMap(Function.identity(), t -> 1, Integer::sum))).containsOnlyKeys(LocalTime.of(9, 0));
    }
}
