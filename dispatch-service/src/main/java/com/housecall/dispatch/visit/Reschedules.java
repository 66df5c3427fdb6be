package com.housecall.dispatch.visit;

import com.housecall.dispatch.scheduling.Assignment;
import com.housecall.dispatch.scheduling.Interval;
import com.housecall.dispatch.visit.Booker.Move;
import com.housecall.events.booking.VisitRequested;
import com.housecall.events.dispatch.ScheduleCause;
import com.housecall.events.dispatch.VisitRescheduleFailed;
import com.housecall.messaging.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A known visit asked for again in new windows (CONTRACT.md section 11, DECISIONS 12 and 13): RESCHEDULE moves a
 * SCHEDULED or UNSCHEDULABLE visit, REPLAN re-opens an UNSCHEDULABLE one. While the search runs the visit keeps its
 * booking; a new slot is written and the old one freed in the caller's one transaction. The decliners of the visit
 * stay out; its current nurse may keep it (continuity comes first among nurses free at a start). Called by
 * {@link Dispatcher} on the consultation's turn.
 */
@Service
class Reschedules {

    private static final Logger log = LoggerFactory.getLogger(Reschedules.class);

    private final Visits visits;
    private final Booker booker;
    private final OutboxWriter outbox;
    private final Clock clock;

    Reschedules(Visits visits, Booker booker, OutboxWriter outbox, Clock clock) {
        this.visits = visits;
        this.booker = booker;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Success: {@code visit.scheduled} cause RESCHEDULED; none fits: {@code visit.reschedule-failed}, nothing changes. */
    void reschedule(VisitRequested event) {
        UUID visitId = event.visitId();
        String requestStatus = visits.requestStatus(visitId).orElseThrow();
        PendingRequest asked = visits.request(visitId).asked(windows(event), event.requestedAt());
        if ("PENDING".equals(requestStatus)) {
            // not dispatched yet (the location has not come): it will be, in the new windows
            visits.replaceWindows(visitId, asked.windows(), asked.requestedAt());
            return;
        }
        Optional<BookedVisit> visit = visits.lock(visitId);
        boolean scheduled = visit.filter(v -> v.status() == VisitStatus.SCHEDULED).isPresent();
        if (!scheduled && !unschedulable(visit, requestStatus)) {
            log.debug("Reschedule of visit {} ignored: it is {}", visitId, statusOf(visit, requestStatus));
            return;
        }
        Instant now = Instant.now(clock);
        Instant keptStart = scheduled ? visit.get().start() : null;
        Set<UUID> excluded = visits.releasedBy(visitId);
        booker.book(asked, new Move(ScheduleCause.RESCHEDULED, keptStart, scheduled ? visit.get().nurseId() : null,
                visitId, candidates -> booker.scheduler().earliest(asked.toRequest(), candidates, excluded),
                assignment -> write(asked, visit.isPresent(), assignment, now),
                () -> {
                    outbox.append(new VisitRescheduleFailed(asked.consultationId(), visitId, asked.sequence(),
                            Booker.NO_QUALIFIED_NURSE, keptStart == null ? null : Booker.local(asked, keptStart),
                            asked.timeZone().getId(), now));
                    log.info("Visit {} reschedule failed: {}", visitId, Booker.NO_QUALIFIED_NURSE);
                }));
    }

    /** Booking's next-day fallback: {@code visit.scheduled} cause BOOKED, else {@code visit.unschedulable} again. */
    void replan(VisitRequested event) {
        UUID visitId = event.visitId();
        String requestStatus = visits.requestStatus(visitId).orElseThrow();
        Optional<BookedVisit> visit = visits.lock(visitId);
        if (!unschedulable(visit, requestStatus)) {
            log.debug("Re-plan of visit {} ignored: it is {}", visitId, statusOf(visit, requestStatus));
            return;
        }
        PendingRequest asked = visits.request(visitId).asked(windows(event), event.requestedAt());
        Instant now = Instant.now(clock);
        Set<UUID> excluded = visits.releasedBy(visitId);
        booker.book(asked, new Move(ScheduleCause.BOOKED, null, null, visitId,
                candidates -> booker.scheduler().earliest(asked.toRequest(), candidates, excluded),
                assignment -> write(asked, visit.isPresent(), assignment, now),
                () -> booker.unschedulable(asked)));
    }

    /** The new slot, in place of the old one (the same row, so the same visit id), and the windows it was found in. */
    private boolean write(PendingRequest asked, boolean hadNurse, Assignment assignment, Instant now) {
        if (hadNurse) {
            visits.reassign(asked.visitId(), assignment.nurseId(), assignment.start(), assignment.end(), now);
        } else {
            visits.book(asked, assignment.nurseId(), assignment.start(), assignment.end(), now);
        }
        visits.replaceWindows(asked.visitId(), asked.windows(), asked.requestedAt());
        return true;
    }

    /** Nobody could take it: after a re-dispatch (a visit row) or at its first booking (only the request). */
    private static boolean unschedulable(Optional<BookedVisit> visit, String requestStatus) {
        return visit.map(v -> v.status() == VisitStatus.UNSCHEDULABLE).orElse("UNSCHEDULABLE".equals(requestStatus));
    }

    private static @Nullable Object statusOf(Optional<BookedVisit> visit, String requestStatus) {
        return visit.<Object>map(BookedVisit::status).orElse(requestStatus);
    }

    private static List<Interval> windows(VisitRequested event) {
        return event.windows().stream().map(w -> new Interval(w.start().toInstant(), w.end().toInstant())).toList();
    }
}
