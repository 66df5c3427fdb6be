package com.housecall.booking.consultation;

import com.housecall.booking.consultation.ConsultationRepository.StoredConsultation;
import com.housecall.booking.consultation.ConsultationRepository.StoredVisit;
import com.housecall.booking.course.CoursePlanner;
import com.housecall.events.TimeWindow;
import com.housecall.events.booking.VisitPhase;
import com.housecall.events.booking.VisitPurpose;
import com.housecall.security.problem.ConflictException;
import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import com.housecall.security.problem.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moving one visit: the patient's or an operator's reschedule (CONTRACT.md section 11, DECISIONS 12) and booking's
 * own next-day re-plan of an unschedulable visit (DECISIONS 13). Either asks dispatch again for the same visitId;
 * the visit keeps the time and nurse it has until dispatch books the new one.
 */
@Service
class VisitMoves {

    /** A visit closer than this to its start stays where it is: the nurse and the patient's fasting are planned. */
    static final Duration RESCHEDULE_NOTICE = Duration.ofHours(24);
    /** Time to fast before a visit (CLINICAL-RULES.md section 3): no new window may offer a start sooner. */
    static final Duration LEAD = Duration.ofHours(6);
    /** Visits of a course stay this far apart (CLINICAL-RULES.md section 2): the planner's induction gap, 48 h. */
    static final Duration COURSE_GAP = CoursePlanner.Cadence.INDUCTION_AFTER_FIRST.minGap();
    /** How many service days after the planned one a re-plan tries. */
    static final int REPLAN_DAYS = 3;

    private static final Set<ConsultationStatus> MOVABLE = Set.of(ConsultationStatus.CONFIRMED,
            ConsultationStatus.UNFULFILLED, ConsultationStatus.SCHEDULING);

    private final ConsultationRepository repository;
    private final JsonMapper json;
    private final Clock clock;
    private final CourseSteps steps;

    VisitMoves(ConsultationRepository repository, JsonMapper json, Clock clock, CourseSteps steps) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.steps = steps;
    }

    /**
     * Asks dispatch to move a SCHEDULED visit starting 24 h or more from now, or an UNSCHEDULABLE one (which is
     * REQUESTED again), into {@code windows}; an UNFULFILLED consultation goes back to SCHEDULING. Windows that could
     * hold no start the course allows are 400 and change nothing.
     */
    @Transactional
    public void reschedule(UUID id, UUID visitId, List<ConsultationRequest.Window> windows,
                           Predicate<StoredConsultation> allowed) {
        StoredConsultation c = repository.findForUpdate(id).filter(allowed).orElseThrow(NotFoundException::new);
        StoredVisit visit = repository.findVisit(visitId).filter(v -> v.consultationId().equals(id))
                .orElseThrow(NotFoundException::new);
        if (!MOVABLE.contains(c.status())) {
            throw new ConflictException("A visit can be moved while the consultation is CONFIRMED, SCHEDULING or "
                    + "UNFULFILLED; it is " + c.status() + ".");
        }
        Instant now = Instant.now(clock);
        VisitStatus status = VisitStatus.of(visit.status());
        if (status == VisitStatus.SCHEDULED) {
            if (visit.startAt() == null || OffsetDateTime.parse(visit.startAt()).toInstant().isBefore(now.plus(RESCHEDULE_NOTICE))) {
                throw new ConflictException("A visit starting within 24 h cannot be moved; cancel it instead.");
            }
        } else if (status != VisitStatus.UNSCHEDULABLE) {
            throw new ConflictException("A visit in status " + status + " cannot be rescheduled; only a SCHEDULED "
                    + "or UNSCHEDULABLE one can.");
        }
        List<FieldProblem> problems = courseProblems(c, visit, windows, now);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (c.status() == ConsultationStatus.UNFULFILLED) {
            repository.updateStatus(id, ConsultationStatus.SCHEDULING);
        }
        String next = status == VisitStatus.UNSCHEDULABLE ? VisitStatus.REQUESTED.name() : visit.status();
        steps.requestAgain(c, visit, next, windows.stream().map(w -> new TimeWindow(w.start(), w.end())).toList(),
                VisitPurpose.RESCHEDULE, visit.replanned());
    }

    /** Each window must offer a start within 08:00-17:00 local, 6 h ahead and 48 h from the course's other visits. */
    private List<FieldProblem> courseProblems(StoredConsultation c, StoredVisit visit,
                                              List<ConsultationRequest.Window> windows, Instant now) {
        ZoneId zone = ZoneId.of(c.timeZone());
        List<ZonedDateTime> others = otherStarts(c, visit, zone);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            ConsultationRequest.Window window = windows.get(i);
            if (steps.planner().firstFeasibleStart(window.start().atZoneSameInstant(zone),
                    window.end().atZoneSameInstant(zone), others, COURSE_GAP, now.plus(LEAD), zone).isEmpty()) {
                problems.add(new FieldProblem("preferredWindows[" + i + "].start", "must allow a start between 08:00 "
                        + "and 17:00 local time, at least 6 h from now and 48 h from the course's other visits"));
            }
        }
        return problems;
    }

    /**
     * Re-plans a visit no nurse could take for the next feasible day, once; false when no day of the next
     * {@value #REPLAN_DAYS} keeps the course rules (the visit then stays UNSCHEDULABLE).
     */
    boolean replan(StoredConsultation c, StoredVisit visit) {
        ZoneId zone = ZoneId.of(c.timeZone());
        Optional<ZonedDateTime> planned = plannedStart(visit, zone);
        if (planned.isEmpty()) {
            return false;
        }
        CoursePlanner.Cadence cadence = VisitPhase.MAINTENANCE.name().equals(visit.phase()) ? CoursePlanner.Cadence.MAINTENANCE
                : CoursePlanner.Cadence.INDUCTION_AFTER_FIRST;
        Optional<CoursePlanner.PlannedVisit> day = steps.planner().replan(planned.get(), otherStarts(c, visit, zone),
                Instant.now(clock).plus(LEAD), cadence, REPLAN_DAYS);
        day.ifPresent(next -> steps.requestAgain(c, visit, VisitStatus.REQUESTED.name(),
                List.of(CourseSteps.window(next)), VisitPurpose.REPLAN, true));
        return day.isPresent();
    }

    /** The starts of the course's other visits that hold or will hold a time: booked, or planned (first window). */
    private List<ZonedDateTime> otherStarts(StoredConsultation c, StoredVisit visit, ZoneId zone) {
        return repository.visits(c.id()).stream()
                .filter(v -> !v.id().equals(visit.id()))
                .filter(v -> !Objects.equals(v.status(), VisitStatus.CANCELLED.name())
                        && !Objects.equals(v.status(), VisitStatus.UNSCHEDULABLE.name()))
                .map(v -> plannedStart(v, zone)).flatMap(Optional::stream).toList();
    }

    /** Where a visit is or was meant to be: its booked start, else the start of the first window it was asked in. */
    private Optional<ZonedDateTime> plannedStart(StoredVisit visit, ZoneId zone) {
        if (visit.startAt() != null) {
            return Optional.of(OffsetDateTime.parse(visit.startAt()).atZoneSameInstant(zone));
        }
        if (visit.windowsJson() == null) {
            return Optional.empty();
        }
        JsonNode windows = json.readTree(visit.windowsJson());
        return windows.isArray() && !windows.isEmpty()
                ? Optional.of(OffsetDateTime.parse(windows.get(0).get("start").asString()).atZoneSameInstant(zone))
                : Optional.empty();
    }
}
