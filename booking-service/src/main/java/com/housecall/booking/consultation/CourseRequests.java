package com.housecall.booking.consultation;

import com.housecall.booking.course.CoursePlanner;
import com.housecall.events.TimeWindow;
import com.housecall.events.booking.VisitPhase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the course planner says a consultation asks dispatch for next (CLINICAL-RULES.md sections 2 and 3): visits 2
 * to 6 once the first has a nurse, the next maintenance block, a next-day re-plan, and whether a patient's new
 * window keeps the course rules. Plain Java; the {@link Consultation} asks it and registers the requests.
 */
final class CourseRequests {

    /** How many visits the induction holds: the first and those planned after it. */
    static final int INDUCTION_VISITS = 1 + CoursePlanner.Cadence.INDUCTION_AFTER_FIRST.visits();
    /** A visit closer than this to its start stays where it is: the nurse and the patient's fasting are planned. */
    static final Duration RESCHEDULE_NOTICE = Duration.ofHours(24);
    /** Time to fast before a visit (CLINICAL-RULES.md section 3): no new window may offer a start sooner. */
    static final Duration LEAD = Duration.ofHours(6);
    /** Visits of a course stay this far apart (CLINICAL-RULES.md section 2): the planner's induction gap, 48 h. */
    static final Duration COURSE_GAP = CoursePlanner.Cadence.INDUCTION_AFTER_FIRST.minGap();
    /** How many service days after the planned one a re-plan tries. */
    static final int REPLAN_DAYS = 3;
    /** The usual start of a maintenance block when no visit has a time to follow. */
    private static final LocalTime USUAL_START = LocalTime.of(9, 0);

    private final CoursePlanner planner = new CoursePlanner(CoursePlanner.Hours.DEFAULT);

    /** The windows of visits 2 to 6 of the induction, after the first visit's start. */
    List<TimeWindow> restOfInduction(ZonedDateTime firstStart) {
        return planner.plan(List.of(firstStart), firstStart.toLocalTime(), firstStart.getZone(),
                CoursePlanner.Cadence.INDUCTION_AFTER_FIRST).stream().map(CourseRequests::window).toList();
    }

    /** The windows of the next maintenance block: after the last visit held (or from now), at the usual time. */
    List<TimeWindow> maintenanceBlock(List<ZonedDateTime> held, ZonedDateTime now) {
        List<ZonedDateTime> sorted = held.stream().sorted(Comparator.naturalOrder()).toList();
        LocalTime usual = sorted.isEmpty() ? USUAL_START : sorted.getFirst().toLocalTime();
        List<ZonedDateTime> after = sorted.isEmpty() || sorted.getLast().isBefore(now) ? List.of(now) : sorted;
        return planner.plan(after, usual, now.getZone(), CoursePlanner.Cadence.MAINTENANCE).stream()
                .map(CourseRequests::window).toList();
    }

    /** The next feasible day for a visit no nurse could take, within {@value #REPLAN_DAYS} service days. */
    Optional<TimeWindow> replan(ZonedDateTime planned, List<ZonedDateTime> others, Instant now, VisitPhase phase) {
        CoursePlanner.Cadence cadence = phase == VisitPhase.MAINTENANCE ? CoursePlanner.Cadence.MAINTENANCE
                : CoursePlanner.Cadence.INDUCTION_AFTER_FIRST;
        return planner.replan(planned, others, now.plus(LEAD), cadence, REPLAN_DAYS).map(CourseRequests::window);
    }

    /** Whether a window can hold a start within 08:00-17:00 local, 6 h ahead and 48 h from the other visits. */
    boolean fits(TimeWindow window, List<ZonedDateTime> others, Instant now, ZoneId zone) {
        return planner.firstFeasibleStart(window.start().atZoneSameInstant(zone), window.end().atZoneSameInstant(zone),
                others, COURSE_GAP, now.plus(LEAD), zone).isPresent();
    }

    private static TimeWindow window(CoursePlanner.PlannedVisit visit) {
        return new TimeWindow(visit.start().toOffsetDateTime(), visit.windowEnd().toOffsetDateTime());
    }
}
