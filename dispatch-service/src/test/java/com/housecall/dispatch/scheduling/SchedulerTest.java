package com.housecall.dispatch.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of CLINICAL-RULES.md section 3 at their boundaries. 2026-12-01 is a Tuesday. */
class SchedulerTest {

    private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private final Scheduler scheduler = new Scheduler(SchedulingPolicy.DEFAULT);

    @Test
    void earliestStartIsTheFirstQuarterHourAfterTheLeadTime() {
        VisitRequest request = request(at("2026-12-01T03:10"), window("2026-12-01T08:00", "2026-12-01T12:00"));

        assertThat(scheduler.earliest(request, List.of(nurse(ALICE))))
                .contains(new Assignment(ALICE, at("2026-12-01T09:15"), at("2026-12-01T10:40")));
    }

    @Test
    void aStartExactlySixHoursAfterTheRequestIsAllowed() {
        VisitRequest onTime = request(at("2026-12-01T03:00"), window("2026-12-01T08:00", "2026-12-01T12:00"));
        VisitRequest oneMinuteLate = request(at("2026-12-01T03:01"), window("2026-12-01T08:00", "2026-12-01T12:00"));

        assertThat(start(onTime, nurse(ALICE))).isEqualTo(at("2026-12-01T09:00"));
        assertThat(start(oneMinuteLate, nurse(ALICE))).isEqualTo(at("2026-12-01T09:15"));
    }

    @Test
    void startsAt1700ButNotAt1715PatientTime() {
        VisitRequest at17 = request(at("2026-11-30T08:00"), window("2026-12-01T17:00", "2026-12-01T18:00"));
        VisitRequest after17 = request(at("2026-11-30T08:00"), window("2026-12-01T17:05", "2026-12-01T18:00"));

        assertThat(start(at17, nurse(ALICE))).isEqualTo(at("2026-12-01T17:00"));
        assertThat(scheduler.earliest(after17, List.of(nurse(ALICE)))).isEmpty();
    }

    @Test
    void neverBefore8PatientTimeEvenWhenTheNurseIsOnShift() {
        VisitRequest early = request(at("2026-11-30T08:00"), window("2026-12-01T07:00", "2026-12-01T09:00"));

        assertThat(start(early, nurse(ALICE))).isEqualTo(at("2026-12-01T08:00"));
    }

    @Test
    void theDaytimeRuleIsInThePatientsZoneAndTheShiftInTheNursesZone() {
        // an LA nurse licensed in NY: 08:00 New York is 05:00 in LA, before her shift starts at 07:00 LA (10:00 NY)
        Candidate farAway = nurse(ALICE, LA, List.of(new Shift(DayOfWeek.TUESDAY, LocalTime.of(7, 0), LocalTime.of(19, 0))),
                List.of(), "NY", "100");
        VisitRequest request = new VisitRequest(List.of(new Interval(
                LocalDateTime.parse("2026-12-01T08:00").atZone(NEW_YORK).toInstant(),
                LocalDateTime.parse("2026-12-01T12:00").atZone(NEW_YORK).toInstant())), "NY", "100", NEW_YORK,
                Instant.parse("2026-11-30T00:00:00Z"));

        assertThat(start(request, farAway)).isEqualTo(LocalDateTime.parse("2026-12-01T10:00").atZone(NEW_YORK).toInstant());
    }

    @Test
    void aShiftEndingExactlyAtTheVisitEndIsEnough() {
        VisitRequest request = request(at("2026-11-30T08:00"), window("2026-12-01T09:00", "2026-12-01T09:00"));
        Candidate exact = withShift(ALICE, LocalTime.of(7, 0), LocalTime.of(10, 25));
        Candidate oneMinuteShort = withShift(ALICE, LocalTime.of(7, 0), LocalTime.of(10, 24));

        assertThat(start(request, exact)).isEqualTo(at("2026-12-01T09:00"));
        assertThat(scheduler.earliest(request, List.of(oneMinuteShort))).isEmpty();
    }

    @Test
    void noShiftOnSunday() {
        VisitRequest sunday = request(at("2026-12-01T08:00"), window("2026-12-06T09:00", "2026-12-06T12:00"));

        assertThat(scheduler.earliest(sunday, List.of(nurse(ALICE)))).isEmpty();
    }

    @Test
    void thirtyMinutesOfTravelBetweenTwoVisits() {
        VisitRequest request = request(at("2026-11-30T08:00"), window("2026-12-01T08:00", "2026-12-01T12:00"));
        // booked 09:00-10:25: a new visit must end by 08:30 (impossible after 08:00: 08:00+85 = 09:25)
        // or start at 10:55 at the earliest (10:45 would leave 20 minutes)
        Candidate busy = nurse(ALICE, List.of(visit("2026-12-01T09:00")));

        assertThat(start(request, busy)).isEqualTo(at("2026-12-01T11:00"));
        assertThat(scheduler.fits(request, busy, at("2026-12-01T10:45"))).isFalse();
        assertThat(scheduler.fits(request, busy, at("2026-12-01T11:00"))).isTrue();
    }

    @Test
    void theBufferIsNotNeededBeforeTheFirstVisitOfTheDay() {
        VisitRequest request = request(at("2026-11-30T08:00"), window("2026-12-01T08:00", "2026-12-01T12:00"));
        Candidate busyLater = nurse(ALICE, List.of(visit("2026-12-01T10:30")));

        // 08:00-09:25 then 30 min travel until 09:55 < 10:30
        assertThat(start(request, busyLater)).isEqualTo(at("2026-12-01T08:00"));
        // 09:00-10:25 leaves only 5 min before 10:30
        assertThat(scheduler.fits(request, busyLater, at("2026-12-01T09:00"))).isFalse();
    }

    @Test
    void atMostFourVisitsOnTheNursesDay() {
        VisitRequest request = request(at("2026-11-30T08:00"), window("2026-12-01T08:00", "2026-12-01T17:00"));
        Candidate full = withShift(ALICE, List.of(visit("2026-12-01T07:00"), visit("2026-12-01T09:00"),
                visit("2026-12-01T11:00"), visit("2026-12-01T13:00")), LocalTime.of(6, 0), LocalTime.of(23, 0));

        assertThat(scheduler.earliest(request, List.of(full))).isEmpty();
    }

    @Test
    void tiesGoToTheNurseWithFewestVisitsThatDay() {
        VisitRequest request = request(at("2026-11-30T08:00"), window("2026-12-01T12:00", "2026-12-01T13:00"));
        Candidate alice = nurse(ALICE, List.of(visit("2026-12-01T08:00"), visit("2026-12-01T16:00")));
        Candidate bob = nurse(BOB, List.of(visit("2026-12-01T15:00")));

        assertThat(scheduler.earliest(request, List.of(alice, bob)))
                .contains(new Assignment(BOB, at("2026-12-01T12:00"), at("2026-12-01T13:25")));
    }

    @Test
    void onlyLicensedNursesServingTheZipPrefixWithBothSkills() {
        VisitRequest request = request(at("2026-11-30T08:00"), window("2026-12-01T08:00", "2026-12-01T12:00"));
        List<Shift> shifts = weekdays(LocalTime.of(7, 0), LocalTime.of(19, 0));
        Candidate otherState = nurse(ALICE, LA, shifts, List.of(), "NV", "900");
        Candidate otherArea = nurse(ALICE, LA, shifts, List.of(), "CA", "961");
        Candidate noAcls = new Candidate(ALICE, LA, Set.of("CA"), Set.of("IV_THERAPY"), Set.of("900"), shifts,
                List.of(), List.of(), false);

        assertThat(scheduler.earliest(request, List.of(otherState, otherArea, noAcls))).isEmpty();
    }

    @Test
    void timeOffBlocksTheVisit() {
        VisitRequest request = request(at("2026-11-30T08:00"), window("2026-12-01T08:00", "2026-12-01T09:00"));
        Candidate away = new Candidate(ALICE, LA, Set.of("CA"), Set.of("IV_THERAPY", "ACLS"), Set.of("900"),
                weekdays(LocalTime.of(7, 0), LocalTime.of(19, 0)),
                List.of(new Interval(at("2026-12-01T00:00"), at("2026-12-02T00:00"))), List.of(), false);

        assertThat(scheduler.earliest(request, List.of(away))).isEmpty();
    }

    @Test
    void onTheDaysTheClocksChangeTheRulesFollowLocalTime() {
        // 2026-03-08 (spring forward, a 23-hour day) and 2026-11-01 (fall back, 25 hours), both Sundays
        List<Shift> sundays = List.of(new Shift(DayOfWeek.SUNDAY, LocalTime.of(7, 0), LocalTime.of(19, 0)));
        Candidate sundayNurse = nurse(ALICE, LA, sundays, List.of(), "CA", "900");
        VisitRequest spring = request(at("2026-03-01T08:00"), window("2026-03-08T06:00", "2026-03-08T12:00"));
        VisitRequest fall = request(at("2026-10-25T08:00"), window("2026-11-01T06:00", "2026-11-01T12:00"));
        VisitRequest springEvening = request(at("2026-03-01T08:00"), window("2026-03-08T17:15", "2026-03-08T20:00"));

        assertThat(start(spring, sundayNurse)).isEqualTo(Instant.parse("2026-03-08T15:00:00Z"));
        assertThat(start(fall, sundayNurse)).isEqualTo(Instant.parse("2026-11-01T16:00:00Z"));
        assertThat(scheduler.earliest(springEvening, List.of(sundayNurse))).isEmpty();
        // four visits that local day already, whatever its length
        Candidate fullOnTheLongDay = nurse(ALICE, LA, List.of(new Shift(DayOfWeek.SUNDAY, LocalTime.of(0, 0), LocalTime.of(23, 59))),
                List.of(visit("2026-11-01T00:30"), visit("2026-11-01T03:00"), visit("2026-11-01T05:00"),
                        visit("2026-11-01T21:00")), "CA", "900");
        assertThat(scheduler.earliest(fall, List.of(fullOnTheLongDay))).isEmpty();
    }

    @Test
    void aLateStartAfterTheLeadTimeIsStillAStart() {
        // requested at 11:00: the first start is 17:00, the last allowed one
        VisitRequest request = request(at("2026-12-01T11:00"), window("2026-12-01T08:00", "2026-12-01T18:00"));
        VisitRequest tooLate = request(at("2026-12-01T11:01"), window("2026-12-01T08:00", "2026-12-01T18:00"));

        assertThat(start(request, nurse(ALICE))).isEqualTo(at("2026-12-01T17:00"));
        assertThat(scheduler.earliest(tooLate, List.of(nurse(ALICE)))).isEmpty();
    }

    @Test
    void reDispatchKeepsTheStartWithAnotherNurseAndNeverTheOneWhoDeclined() {
        VisitRequest request = request(at("2026-11-30T08:00"), window("2026-12-01T09:00", "2026-12-01T12:00"));

        assertThat(scheduler.reassign(request, List.of(nurse(ALICE), nurse(BOB)), at("2026-12-01T10:00"), Set.of(ALICE),
                at("2026-12-01T07:00")))
                .contains(new Assignment(BOB, at("2026-12-01T10:00"), at("2026-12-01T11:25")));
        assertThat(scheduler.reassign(request, List.of(nurse(ALICE)), at("2026-12-01T10:00"), Set.of(ALICE),
                at("2026-12-01T07:00"))).isEmpty();
    }

    @Test
    void reDispatchTakesTheEarliestStartLeftWhenTheStartCannotBeKept() {
        VisitRequest request = request(at("2026-11-30T08:00"), window("2026-12-01T09:00", "2026-12-01T12:00"));
        // bob is busy 10:00-11:25: 10:00 is out, and so is every start before 11:55 that clashes with it
        Candidate bob = nurse(BOB, List.of(visit("2026-12-01T10:00")));

        // at 09:40 the 09:00 and 09:15 starts are gone; 09:45 would end 11:10 on top of the 10:00 visit
        assertThat(scheduler.reassign(request, List.of(bob), at("2026-12-01T10:00"), Set.of(ALICE), at("2026-12-01T09:40")))
                .contains(new Assignment(BOB, at("2026-12-01T12:00"), at("2026-12-01T13:25")));
        // a start already past is never offered
        assertThat(scheduler.reassign(request, List.of(nurse(BOB)), at("2026-12-01T09:00"), Set.of(), at("2026-12-01T09:05")))
                .contains(new Assignment(BOB, at("2026-12-01T09:15"), at("2026-12-01T10:40")));
    }

    @Test
    void reDispatchLooksAtEarlierDaysLeftWhenTheStartsDayIsFull() {
        VisitRequest request = new VisitRequest(List.of(window("2026-12-01T08:00", "2026-12-01T12:00"),
                window("2026-12-02T08:00", "2026-12-02T12:00")), "CA", "900", LA, at("2026-11-29T08:00"));
        Candidate fullOnWednesday = withShift(BOB, List.of(visit("2026-12-02T06:00"), visit("2026-12-02T13:00"),
                visit("2026-12-02T15:00"), visit("2026-12-02T17:00")), LocalTime.of(6, 0), LocalTime.of(23, 0));

        assertThat(scheduler.reassign(request, List.of(fullOnWednesday), at("2026-12-02T10:00"), Set.of(ALICE),
                at("2026-11-30T12:00")))
                .contains(new Assignment(BOB, at("2026-12-01T08:00"), at("2026-12-01T09:25")));
    }

    @Test
    void anOperatorsChoiceIsRefusedWithTheRuleItBreaksAndAcceptedAtEachBoundary() {
        VisitRequest request = request(at("2026-11-30T08:00"), window("2026-12-01T09:00", "2026-12-01T12:00"));
        Instant nine = at("2026-12-01T09:00");

        assertThat(scheduler.refusal(request, nurse(ALICE), nine)).isEmpty();
        assertThat(scheduler.refusal(request, nurse(ALICE, LA, weekdays(LocalTime.of(7, 0), LocalTime.of(19, 0)),
                List.of(), "NV", "900"), nine)).contains(Refusal.NOT_LICENSED);
        assertThat(scheduler.refusal(request, nurse(ALICE, LA, weekdays(LocalTime.of(7, 0), LocalTime.of(19, 0)),
                List.of(), "CA", "901"), nine)).contains(Refusal.OUTSIDE_SERVICE_AREA);
        // the shift ends as the visit does (09:00 + 85 min), or one minute before
        assertThat(scheduler.refusal(request, withShift(ALICE, LocalTime.of(9, 0), LocalTime.of(10, 25)), nine))
                .isEmpty();
        assertThat(scheduler.refusal(request, withShift(ALICE, LocalTime.of(9, 0), LocalTime.of(10, 24)), nine))
                .contains(Refusal.OFF_SHIFT);
        // another visit ends 30 minutes (the travel buffer) before, or 29
        assertThat(scheduler.refusal(request, nurse(ALICE, List.of(visit("2026-12-01T07:05"))), nine)).isEmpty();
        assertThat(scheduler.refusal(request, nurse(ALICE, List.of(visit("2026-12-01T07:06"))), nine))
                .contains(Refusal.OVERLAP);
        assertThat(scheduler.refusal(request, nurse(ALICE, List.of(visit("2026-12-01T12:00"), visit("2026-12-01T13:55"),
                visit("2026-12-01T15:50"), visit("2026-12-01T17:45"))), nine)).contains(Refusal.DAY_FULL);
        Candidate away = new Candidate(ALICE, LA, Set.of("CA"), Set.of("IV_THERAPY", "ACLS"), Set.of("900"),
                weekdays(LocalTime.of(7, 0), LocalTime.of(19, 0)),
                List.of(window("2026-12-01T10:24", "2026-12-01T11:00")),
                List.of(), false);
        assertThat(scheduler.refusal(request, away, nine)).contains(Refusal.TIME_OFF);
    }

    private Instant start(VisitRequest request, Candidate nurse) {
        return scheduler.earliest(request, List.of(nurse)).orElseThrow().start();
    }

    private static Instant at(String localLosAngeles) {
        return LocalDateTime.parse(localLosAngeles).atZone(LA).toInstant();
    }

    private static Interval window(String start, String end) {
        return new Interval(at(start), at(end));
    }

    private static Interval visit(String start) {
        return new Interval(at(start), at(start).plus(SchedulingPolicy.VISIT_LENGTH));
    }

    private static VisitRequest request(Instant requestedAt, Interval window) {
        return new VisitRequest(List.of(window), "CA", "900", LA, requestedAt);
    }

    private static Candidate nurse(UUID id) {
        return nurse(id, List.of());
    }

    private static Candidate nurse(UUID id, List<Interval> visits) {
        return withShift(id, visits, LocalTime.of(7, 0), LocalTime.of(19, 0));
    }

    private static Candidate withShift(UUID id, LocalTime start, LocalTime end) {
        return withShift(id, List.of(), start, end);
    }

    private static Candidate withShift(UUID id, List<Interval> visits, LocalTime start, LocalTime end) {
        return nurse(id, LA, weekdays(start, end), visits, "CA", "900");
    }

    private static Candidate nurse(UUID id, ZoneId zone, List<Shift> shifts, List<Interval> visits, String state,
                                   String prefix) {
        return new Candidate(id, zone, Set.of(state), Set.of("IV_THERAPY", "ACLS"), Set.of(prefix), shifts, List.of(),
                visits, false);
    }

    /** Monday to Saturday. */
    private static List<Shift> weekdays(LocalTime start, LocalTime end) {
        List<Shift> shifts = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                shifts.add(new Shift(day, start, end));
            }
        }
        return shifts;
    }
}
