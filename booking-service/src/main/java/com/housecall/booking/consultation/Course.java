package com.housecall.booking.consultation;

import com.housecall.booking.consultation.ConsultationRequest.Window;
import com.housecall.events.TimeWindow;
import com.housecall.events.booking.BookingCompleted;
import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.BookingUnfulfilled;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.VisitCancelReason;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.booking.VisitLocation;
import com.housecall.events.booking.VisitPhase;
import com.housecall.events.booking.VisitPurpose;
import com.housecall.events.booking.VisitRequested;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.security.problem.ConflictException;
import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The visits of a {@link Consultation}: asking dispatch for them, calling them off, and what dispatch answers.
 * Part of the consultation's aggregate (it moves the consultation's status through it); plain Java.
 */
final class Course {

    private static final Set<ConsultationStatus> MOVABLE = Set.of(ConsultationStatus.CONFIRMED,
            ConsultationStatus.UNFULFILLED, ConsultationStatus.SCHEDULING);

    private final Consultation consultation;
    private final List<Visit> visits;
    private final List<UUID> removed = new ArrayList<>();

    Course(Consultation consultation, List<Visit> visits) {
        this.consultation = consultation;
        this.visits = new ArrayList<>(visits);
    }

    List<Visit> visits() {
        return List.copyOf(visits);
    }

    List<UUID> removed() {
        return List.copyOf(removed);
    }

    Optional<Visit> visit(UUID visitId) {
        return visits.stream().filter(v -> v.id().equals(visitId)).findFirst();
    }

    long openVisits() {
        return visits.stream().filter(v -> !v.status().ended()).count();
    }

    boolean allEnded() {
        return visits.stream().allMatch(v -> v.status().ended());
    }

    void saved() {
        removed.clear();
        visits.forEach(Visit::saved);
    }

    // ---------------------------------------------------------------- asking dispatch

    /** The address (with the first name and phone the nurse needs, never more), then visit 1 in the windows. */
    void requestFirstVisit(Instant now) {
        consultation.register(address(), now);
        request(1, VisitPhase.INDUCTION, consultation.request().preferredWindows().stream()
                .map(w -> new TimeWindow(w.start(), w.end())).toList(), now);
    }

    private LocationUpdated address() {
        ConsultationRequest request = consultation.request();
        ConsultationRequest.Address address = request.address();
        return new LocationUpdated(consultation.id(), address.line1(), address.city(), address.state(),
                address.postalCode(), consultation.origin().timeZone(), request.patient().givenName(),
                request.patient().phone());
    }

    /** The UNFULFILLED first visit gives way to a new request in new windows (dispatch knows visits by id). */
    void forgetFirstVisit() {
        visits.stream().filter(v -> v.sequence() == 1).toList().forEach(v -> {
            visits.remove(v);
            if (v.change() != Visit.Change.ADDED) {
                removed.add(v.id());
            }
        });
    }

    void requestMaintenanceBlock(CourseRequests plans, Instant now) {
        ZoneId zone = consultation.zone();
        List<ZonedDateTime> held = visits.stream().filter(v -> v.startAt() != null)
                .map(v -> OffsetDateTime.parse(v.startAt()).atZoneSameInstant(zone)).toList();
        int sequence = visits.stream().mapToInt(Visit::sequence).max().orElse(0) + 1;
        for (TimeWindow window : plans.maintenanceBlock(held, now.atZone(zone))) {
            request(sequence++, VisitPhase.MAINTENANCE, List.of(window), now);
        }
    }

    private void request(int sequence, VisitPhase phase, List<TimeWindow> windows, Instant now) {
        Visit visit = Visit.requested(sequence, phase, windows);
        visits.add(visit);
        Origin c = consultation.origin();
        asked(new VisitRequested(c.id(), visit.id(), sequence, phase, windows, c.state(), c.zipPrefix(),
                c.timeZone(), now), now);
    }

    /** Asks dispatch again for a known visit ({@code purpose} RESCHEDULE or REPLAN); it keeps the time it has. */
    private void askAgain(Visit visit, VisitStatus status, List<TimeWindow> windows, VisitPurpose purpose,
                          boolean replanned, Instant now) {
        visit.askedAgain(status, windows, replanned);
        Origin c = consultation.origin();
        asked(new VisitRequested(c.id(), visit.id(), visit.sequence(), visit.phase(), windows, c.state(),
                c.zipPrefix(), c.timeZone(), now, purpose), now);
    }

    /** The request on the shared topic, and to dispatch with the address on its one topic (DECISIONS 19). */
    private void asked(VisitRequested request, Instant now) {
        consultation.register(request, now);
        consultation.register(VisitLocation.of(request, address()), now);
    }

    // ---------------------------------------------------------------- calling visits off

    void cancelOpenVisits(VisitCancelReason reason, Instant now) {
        visits.stream().filter(v -> v.status().cancellable()).forEach(v -> cancel(v, reason, now));
    }

    /** The patient calls one visit off, not yet started (or one no nurse could take), while the course runs. */
    void cancelOne(Visit visit, Instant now) {
        if (consultation.status() != ConsultationStatus.CONFIRMED) {
            throw new ConflictException("Single visits can be cancelled while the "
                    + "course is CONFIRMED; the consultation is " + consultation.status() + ".");
        }
        if (!visit.status().cancellable() && visit.status() != VisitStatus.UNSCHEDULABLE) {
            throw new ConflictException("A visit in status " + visit.status()
                    + " cannot be cancelled.");
        }
        cancel(visit, VisitCancelReason.PATIENT_REQUEST, now);
        consultation.completeIfDone(now);
    }

    private void cancel(Visit visit, VisitCancelReason reason, Instant now) {
        visit.status(VisitStatus.CANCELLED);
        consultation.register(new VisitCancelled(consultation.id(), visit.id(), visit.sequence(), reason, now), now);
    }

    BookingCompleted completed(Instant now) {
        int completed = (int) visits.stream().filter(v -> v.status() == VisitStatus.COMPLETED).count();
        return new BookingCompleted(consultation.id(), completed, now);
    }

    // ---------------------------------------------------------------- what dispatch answers

    /**
     * A nurse and a start: a first booking, or a move (reschedule, re-plan, re-dispatch) of the same visit, which
     * takes the new time and nurse. Visit 1's booking confirms the course and requests visits 2 to 6.
     */
    void scheduled(Visit visit, VisitScheduled scheduled, CourseRequests plans, Instant now) {
        VisitStatus status = visit.status();
        if (status == VisitStatus.CANCELLED || (status.ended() && status != VisitStatus.UNSCHEDULABLE)
                || (status == VisitStatus.UNSCHEDULABLE && consultation.status().isFinal())) {
            return;
        }
        ZoneId zone = consultation.zone();
        OffsetDateTime start = scheduled.start().atZoneSameInstant(zone).toOffsetDateTime();
        OffsetDateTime end = scheduled.end().atZoneSameInstant(zone).toOffsetDateTime();
        // a moved visit keeps a status the nurse already set; a new (or re-opened) assignment is SCHEDULED
        boolean open = status == VisitStatus.REQUESTED || status == VisitStatus.UNSCHEDULABLE;
        visit.booked(open ? VisitStatus.SCHEDULED : status, Instants.withOffset(start), Instants.withOffset(end),
                scheduled.nurseDisplayName());
        if (visit.sequence() == 1 && consultation.status() == ConsultationStatus.SCHEDULING) {
            consultation.confirm();
            consultation.register(new BookingConfirmed(consultation.id(), visit.id(), start, end,
                    scheduled.nurseDisplayName(), consultation.origin().timeZone(), CourseRequests.INDUCTION_VISITS),
                    now);
            int sequence = 2;
            for (TimeWindow window : plans.restOfInduction(start.atZoneSameInstant(zone))) {
                request(sequence++, VisitPhase.INDUCTION, List.of(window), now);
            }
        }
    }

    /**
     * No nurse for a visit: visit 1 of a course being scheduled makes it UNFULFILLED; a later visit is re-planned
     * once for the next feasible day (DECISIONS 13); one that cannot be stays UNSCHEDULABLE.
     */
    void unschedulable(Visit visit, VisitUnschedulable event, CourseRequests plans, Instant now) {
        if (visit.status().ended() && visit.status() != VisitStatus.UNSCHEDULABLE) {
            return;
        }
        if (visit.sequence() == 1 && consultation.status() == ConsultationStatus.SCHEDULING) {
            visit.status(VisitStatus.UNSCHEDULABLE);
            consultation.unfulfilled();
            consultation.register(new BookingUnfulfilled(consultation.id(), visit.id(), event.reason(), now), now);
            return;
        }
        if (visit.sequence() > 1 && consultation.status() == ConsultationStatus.CONFIRMED && !visit.replanned()
                && replan(visit, plans, now)) {
            return;
        }
        visit.status(VisitStatus.UNSCHEDULABLE);
        consultation.completeIfDone(now);
    }

    /**
     * No nurse fits a reschedule's windows: a visit that had a time keeps it; one that was UNSCHEDULABLE is so again,
     * and an UNFULFILLED first visit leaves its consultation UNFULFILLED (no second booking.unfulfilled).
     */
    void rescheduleFailed(Visit visit, Instant now) {
        if (visit.status() != VisitStatus.REQUESTED || visit.startAt() != null) {
            return;
        }
        visit.status(VisitStatus.UNSCHEDULABLE);
        if (visit.sequence() == 1 && consultation.status() == ConsultationStatus.SCHEDULING) {
            consultation.unfulfilled();
        } else {
            consultation.completeIfDone(now);
        }
    }

    /** The nurse moved a visit on; the course is COMPLETED when its last visit has ended. */
    void progressed(Visit visit, VisitStatus status, Instant now) {
        if (visit.status().ended() || status == VisitStatus.CANCELLED || status == VisitStatus.REQUESTED) {
            return;
        }
        visit.status(status);
        if (status.ended()) {
            consultation.completeIfDone(now);
        }
    }

    // ---------------------------------------------------------------- moving one visit

    /**
     * Moves a SCHEDULED visit starting 24 h or more from now, or an UNSCHEDULABLE one (REQUESTED again), into new
     * windows (CONTRACT.md section 11, DECISIONS 12): each must allow a start the course rules allow, else 400 naming
     * it. An UNFULFILLED consultation goes back to SCHEDULING; the visit keeps its time until dispatch books the new.
     */
    void reschedule(Visit visit, List<Window> windows, CourseRequests plans, Instant now) {
        if (!MOVABLE.contains(consultation.status())) {
            throw new ConflictException("A visit can be moved while the consultation is CONFIRMED, SCHEDULING or "
                    + "UNFULFILLED; it is " + consultation.status() + ".");
        }
        if (visit.status() == VisitStatus.SCHEDULED) {
            if (visit.startAt() == null || OffsetDateTime.parse(visit.startAt()).toInstant()
                    .isBefore(now.plus(CourseRequests.RESCHEDULE_NOTICE))) {
                throw new ConflictException("A visit starting within 24 h cannot be moved; cancel it instead.");
            }
        } else if (visit.status() != VisitStatus.UNSCHEDULABLE) {
            throw new ConflictException("A visit in status " + visit.status() + " cannot be rescheduled; only a "
                    + "SCHEDULED or UNSCHEDULABLE one can.");
        }
        List<TimeWindow> asked = windows.stream().map(w -> new TimeWindow(w.start(), w.end())).toList();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            if (!plans.fits(asked.get(i), otherStarts(visit), now, consultation.zone())) {
                problems.add(new FieldProblem("preferredWindows[" + i + "].start", "must allow a start between "
                        + "08:00 and 17:00 local time, at least 6 h from now and 48 h from the course's other visits"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        consultation.schedulingAgain();
        VisitStatus next = visit.status() == VisitStatus.UNSCHEDULABLE ? VisitStatus.REQUESTED : visit.status();
        askAgain(visit, next, asked, VisitPurpose.RESCHEDULE, visit.replanned(), now);
    }

    /** The next feasible day for a visit no nurse could take, once; false when none of the next days fits. */
    private boolean replan(Visit visit, CourseRequests plans, Instant now) {
        ZoneId zone = consultation.zone();
        Optional<ZonedDateTime> planned = visit.plannedStart(zone);
        Optional<TimeWindow> day = planned.flatMap(start -> plans.replan(start, otherStarts(visit), now,
                visit.phase()));
        day.ifPresent(window -> askAgain(visit, VisitStatus.REQUESTED, List.of(window), VisitPurpose.REPLAN, true,
                now));
        return day.isPresent();
    }

    /** The starts of the course's other visits that hold or will hold a time: booked, or planned (first window). */
    private List<ZonedDateTime> otherStarts(Visit visit) {
        ZoneId zone = consultation.zone();
        return visits.stream().filter(v -> !v.id().equals(visit.id())).filter(Visit::holdsATime)
                .map(v -> v.plannedStart(zone)).flatMap(Optional::stream).toList();
    }
}
