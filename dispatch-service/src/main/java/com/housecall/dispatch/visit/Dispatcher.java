package com.housecall.dispatch.visit;

import com.housecall.dispatch.visit.Booker.Move;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.VisitLocation;
import com.housecall.events.booking.VisitPurpose;
import com.housecall.events.booking.VisitRequested;
import com.housecall.events.dispatch.DeclineReason;
import com.housecall.events.dispatch.ScheduleCause;
import com.housecall.events.dispatch.VisitDeclined;
import com.housecall.messaging.ConsultationTurns;
import com.housecall.messaging.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books a nurse for each visit booking requests (with its address, on one topic); books another nurse when one
 * declines, is late, goes inactive or unavailable; moves a visit booking asks to reschedule or re-plan
 * ({@link Reschedules}); frees the nurse when booking cancels. Every change, its events and the inbox record commit
 * together. Every write that gives a nurse a visit goes through {@link Booker}, under
 * that nurse's row lock: the one guard against double booking.
 */
@Service
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Visits visits;
    private final ConsultationTurns turns;
    private final OutboxWriter outbox;
    private final Booker booker;
    private final Reschedules reschedules;
    private final Clock clock;

    Dispatcher(Visits visits, ConsultationTurns turns, OutboxWriter outbox, Booker booker, Reschedules reschedules,
               Clock clock) {
        this.visits = visits;
        this.turns = turns;
        this.outbox = outbox;
        this.booker = booker;
        this.reschedules = reschedules;
        this.clock = clock;
    }

    /**
     * A visit request with its address: a new visit (purpose BOOK or absent: a known visit id is a redelivery and
     * changes nothing), or a known one to move (RESCHEDULE) or re-open (REPLAN). A RESCHEDULE or REPLAN for a visit
     * never heard of is booked as new. A request whose cancel overtook it (the cancel travels on another topic) is
     * never booked.
     */
    @Transactional
    public void requested(VisitLocation location) {
        VisitRequested request = location.visit();
        turns.take(request.consultationId());
        if (visits.cancelledByBooking(request.consultationId(), request.visitId())) {
            log.info("Visit {} not dispatched: booking cancelled it first", request.visitId());
            return;
        }
        visits.saveLocation(location.address());
        boolean known = visits.requestStatus(request.visitId()).isPresent();
        if (known && request.purpose() == VisitPurpose.RESCHEDULE) {
            reschedules.reschedule(request);
        } else if (known && request.purpose() == VisitPurpose.REPLAN) {
            reschedules.replan(request);
        } else if (visits.addRequest(request)) {
            dispatch(request.consultationId());
        }
    }

    /** The patient's address, kept current for the nurse's visits. */
    @Transactional
    public void located(LocationUpdated location) {
        turns.take(location.consultationId());
        visits.saveLocation(location);
    }

    /**
     * Booking called the visit off: the nurse's slot is free again; a nurse already on the way stays on it. A visit
     * not heard of yet is remembered as cancelled.
     */
    @Transactional
    public void cancelled(UUID consultationId, UUID visitId) {
        turns.take(consultationId);
        if (visits.requestStatus(visitId).isEmpty()) {
            visits.rememberCancelled(visitId, Instant.now(clock));
        }
        cancelVisit(visitId);
    }

    /** The whole consultation is off: each visit not under way, each request not dispatched, any still to come. */
    @Transactional
    public void consultationCancelled(UUID consultationId) {
        turns.take(consultationId);
        visits.rememberCancelled(consultationId, Instant.now(clock));
        visits.cancelPendingRequests(consultationId);
        visits.visitsOf(consultationId).forEach(this::cancelVisit);
    }

    private void cancelVisit(UUID visitId) {
        visits.cancelRequest(visitId);
        visits.lock(visitId).filter(visit -> visit.status().cancellable()).ifPresent(visit -> {
            visits.setStatus(visitId, VisitStatus.CANCELLED, Instant.now(clock));
            log.info("Visit {} cancelled, nurse {} freed", visitId, visit.nurseId());
        });
    }

    /**
     * The nurse is off the visit ({@code VisitDeclined.NURSE_DECLINED} with their note, {@code LATE_NURSE},
     * {@code NURSE_INACTIVE} or {@code NURSE_UNAVAILABLE}): announced, then dispatched again to another qualified
     * nurse, {@code visit.scheduled} cause REDISPATCHED. Who declined or was late is never offered the visit again;
     * an inactive or unavailable nurse is left out of this re-dispatch only (back in dispatch, or free again, they
     * may take it later). The caller holds the visit's row lock ({@link Visits#lock}).
     */
    @Transactional
    public void release(BookedVisit visit, DeclineReason reason, @Nullable String note) {
        Instant now = Instant.now(clock);
        if (reason == DeclineReason.NURSE_DECLINED || reason == DeclineReason.LATE_NURSE) {
            visits.release(visit.visitId(), visit.nurseId(), reason.name(), note, now);
        }
        outbox.append(new VisitDeclined(visit.consultationId(), visit.visitId(), visit.sequence(), visit.nurseId(),
                reason, now));
        log.info("Visit {} released by nurse {}: {}", visit.visitId(), visit.nurseId(), reason);
        PendingRequest request = visits.request(visit.visitId());
        Set<UUID> excluded = new HashSet<>(visits.releasedBy(visit.visitId()));
        excluded.add(visit.nurseId());
        booker.book(request, new Move(ScheduleCause.REDISPATCHED, visit.start(), visit.nurseId(), null,
                candidates -> booker.scheduler().reassign(request.toRequest(), candidates, visit.start(), excluded, now),
                assignment -> {
                    visits.reassign(visit.visitId(), assignment.nurseId(), assignment.start(), assignment.end(), now);
                    return true;
                },
                () -> {
                    visits.setStatus(visit.visitId(), VisitStatus.UNSCHEDULABLE, now);
                    booker.unschedulable(request);
                }));
    }

    /** The late-nurse timer's step for one visit: re-checked under the visit's lock, as another instance may race. */
    @Transactional
    public boolean releaseIfLate(UUID visitId) {
        Instant now = Instant.now(clock);
        Optional<BookedVisit> visit = visits.lock(visitId).filter(v -> v.lateAt(now));
        visit.ifPresent(late -> release(late, DeclineReason.LATE_NURSE, null));
        return visit.isPresent();
    }

    private void dispatch(UUID consultationId) {
        for (PendingRequest pending : visits.pending(consultationId)) {
            Instant now = Instant.now(clock);
            booker.book(pending, new Move(ScheduleCause.BOOKED, null, null, null,
                    candidates -> booker.scheduler().earliest(pending.toRequest(), candidates),
                    assignment -> visits.book(pending, assignment.nurseId(), assignment.start(), assignment.end(), now),
                    () -> booker.unschedulable(pending)));
        }
    }
}
