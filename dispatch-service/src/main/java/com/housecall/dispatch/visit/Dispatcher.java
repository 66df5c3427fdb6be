package com.housecall.dispatch.visit;

import com.housecall.dispatch.DispatchProperties;
import com.housecall.dispatch.nurse.NurseRoster;
import com.housecall.dispatch.scheduling.Assignment;
import com.housecall.dispatch.scheduling.Candidate;
import com.housecall.dispatch.scheduling.Scheduler;
import com.housecall.dispatch.scheduling.SchedulingPolicy;
import com.housecall.dispatch.scheduling.VisitRequest;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.VisitRequested;
import com.housecall.events.dispatch.VisitDeclined;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.messaging.ConsultationTurns;
import com.housecall.messaging.OutboxWriter;
import com.housecall.messaging.SafeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Books a nurse once booking has sent both the request and the patient's location, in whichever order they
 * arrive; books another nurse when one declines or is late; frees the nurse when booking cancels. Every change,
 * its events and the inbox record commit together.
 *
 * <p>The one guard against double booking: a visit is only ever written for a nurse (inserted, or moved to them)
 * while that nurse's row is locked ({@code SELECT … FOR UPDATE}) and after the rules were checked again with
 * everything committed before the lock. It holds across threads and across dispatch instances sharing the
 * database, on PostgreSQL and on H2.
 */
@Service
class Dispatcher {

    static final String NO_QUALIFIED_NURSE = "NO_QUALIFIED_NURSE";
    /** Tries with a fresh read when the chosen nurse was booked by someone else in the meantime. */
    private static final int ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Visits visits;
    private final ConsultationTurns turns;
    private final NurseRoster roster;
    private final OutboxWriter outbox;
    private final Scheduler scheduler;
    private final Clock clock;

    Dispatcher(Visits visits, ConsultationTurns turns, NurseRoster roster, OutboxWriter outbox,
               DispatchProperties properties, Clock clock) {
        this.visits = visits;
        this.turns = turns;
        this.roster = roster;
        this.outbox = outbox;
        this.scheduler = new Scheduler(new SchedulingPolicy(properties.leadTime()));
        this.clock = clock;
    }

    @Transactional
    public void requested(VisitRequested request) {
        turns.take(request.consultationId());
        if (visits.addRequest(request)) {
            dispatch(request.consultationId());
        }
    }

    @Transactional
    public void located(LocationUpdated location) {
        turns.take(location.consultationId());
        visits.saveLocation(location);
        dispatch(location.consultationId());
    }

    /** Booking called the visit off: the nurse's slot is free again; a visit already under way stays as it is. */
    @Transactional
    public void cancelled(UUID visitId) {
        visits.cancelRequest(visitId);
        visits.lock(visitId).filter(visit -> visit.status().cancellable()).ifPresent(visit -> {
            visits.setStatus(visitId, VisitStatus.CANCELLED, Instant.now(clock));
            log.info("Visit {} cancelled, nurse {} freed", visitId, visit.nurseId());
        });
    }

    /** The whole consultation is off: every visit not under way, and every request not dispatched yet. */
    @Transactional
    public void consultationCancelled(UUID consultationId) {
        visits.cancelPendingRequests(consultationId);
        visits.visitsOf(consultationId).forEach(this::cancelled);
    }

    /**
     * The nurse gives the visit up ({@code VisitDeclined.NURSE_DECLINED} with their note, or
     * {@code VisitDeclined.LATE_NURSE}): announced, then dispatched again to another qualified nurse. The caller
     * holds the visit's row lock ({@link Visits#lock}).
     */
    @Transactional
    public void release(BookedVisit visit, String reason, @Nullable String note) {
        Instant now = Instant.now(clock);
        visits.release(visit.visitId(), visit.nurseId(), reason, note, now);
        outbox.append(new VisitDeclined(visit.consultationId(), visit.visitId(), visit.sequence(), visit.nurseId(),
                reason, now));
        log.info("Visit {} released by nurse {}: {}", visit.visitId(), visit.nurseId(), reason);
        PendingRequest request = visits.request(visit.visitId());
        Set<UUID> excluded = visits.releasedBy(visit.visitId());
        book(request, () -> scheduler.reassign(request.toRequest(), candidates(request), visit.start(), excluded, now),
                assignment -> {
                    visits.reassign(visit.visitId(), assignment.nurseId(), assignment.start(), assignment.end(), now);
                    return true;
                },
                () -> visits.setStatus(visit.visitId(), VisitStatus.UNSCHEDULABLE, now));
    }

    /** The late-nurse timer's step for one visit: re-checked under the visit's lock, as another instance may race. */
    @Transactional
    public boolean releaseIfLate(UUID visitId) {
        Instant now = Instant.now(clock);
        Optional<BookedVisit> visit = visits.lock(visitId).filter(v -> v.lateAt(now));
        visit.ifPresent(late -> release(late, VisitDeclined.LATE_NURSE, null));
        return visit.isPresent();
    }

    private void dispatch(UUID consultationId) {
        if (!visits.hasLocation(consultationId)) {
            return;
        }
        for (PendingRequest pending : visits.pending(consultationId)) {
            Instant now = Instant.now(clock);
            book(pending, () -> scheduler.earliest(pending.toRequest(), candidates(pending)),
                    assignment -> visits.book(pending, assignment.nurseId(), assignment.start(), assignment.end(), now),
                    () -> { });
        }
    }

    private List<Candidate> candidates(PendingRequest request) {
        return roster.candidates(request.state(), request.zipPrefix(), request.consultationId(), request.span());
    }

    interface Write {
        /** Writes the visit for the locked nurse; false when it was there already (a redelivery). */
        boolean apply(Assignment assignment);
    }

    /**
     * Picks the start and nurse from what was read, then locks that nurse and checks again with what is committed
     * now; another dispatcher may have booked the nurse in between, then the choice is made again. A nurse locked
     * in vain is let go at once (back to a savepoint) so that two dispatchers each holding the nurse the other
     * wants do not deadlock.
     */
    private void book(PendingRequest pending, Supplier<Optional<Assignment>> choose, Write write, Runnable nobody) {
        VisitRequest request = pending.toRequest();
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Assignment> choice = choose.get();
            if (choice.isEmpty()) {
                visits.markRequest(pending.visitId(), "UNSCHEDULABLE");
                nobody.run();
                outbox.append(new VisitUnschedulable(pending.consultationId(), pending.visitId(), pending.sequence(),
                        NO_QUALIFIED_NURSE, Instant.now(clock)));
                log.info("Visit {} unschedulable: {}", pending.visitId(), NO_QUALIFIED_NURSE);
                return;
            }
            Assignment assignment = choice.get();
            Object savepoint = transaction.createSavepoint();
            Candidate locked = roster.lock(assignment.nurseId(), pending.consultationId(), pending.span());
            if (!scheduler.fits(request, locked, assignment.start())) {
                transaction.rollbackToSavepoint(savepoint);
            } else {
                transaction.releaseSavepoint(savepoint);
                if (write.apply(assignment)) {
                    outbox.append(new VisitScheduled(pending.consultationId(), pending.visitId(), pending.sequence(),
                            assignment.nurseId(), roster.displayName(assignment.nurseId()),
                            assignment.start().atZone(pending.timeZone()).toOffsetDateTime(),
                            assignment.end().atZone(pending.timeZone()).toOffsetDateTime(),
                            pending.timeZone().getId()));
                    log.info("Visit {} scheduled with nurse {} at {}", pending.visitId(), assignment.nurseId(),
                            assignment.start());
                }
                visits.markRequest(pending.visitId(), "SCHEDULED");
                return;
            }
        }
        // the transaction rolls back and the record is delivered again
        throw new BookingContendedException();
    }

    static final class BookingContendedException extends RuntimeException implements SafeMessage {

        BookingContendedException() {
            super("nurses booked concurrently, dispatch retried");
        }
    }
}
