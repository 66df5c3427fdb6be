package com.housecall.dispatch.visit;

import com.housecall.dispatch.DispatchProperties;
import com.housecall.dispatch.nurse.NurseRoster;
import com.housecall.dispatch.scheduling.Assignment;
import com.housecall.dispatch.scheduling.Candidate;
import com.housecall.dispatch.scheduling.Interval;
import com.housecall.dispatch.scheduling.Refusal;
import com.housecall.dispatch.scheduling.Scheduler;
import com.housecall.dispatch.scheduling.SchedulingPolicy;
import com.housecall.events.dispatch.ScheduleCause;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.messaging.OutboxWriter;
import com.housecall.messaging.SafeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The one way a visit is written for a nurse (a first booking, a re-dispatch, a reschedule): choose from what was
 * read, lock the chosen nurse ({@code SELECT … FOR UPDATE}), check again with everything committed before the lock,
 * write, and say {@code visit.scheduled} with why the visit moved. Runs in the caller's transaction.
 */
@Component
class Booker {

    static final String NO_QUALIFIED_NURSE = "NO_QUALIFIED_NURSE";
    /** Tries with a fresh read when the chosen nurse was booked by someone else in the meantime. */
    private static final int ATTEMPTS = 20;
    private static final Logger log = LoggerFactory.getLogger(Booker.class);

    private final Visits visits;
    private final NurseRoster roster;
    private final OutboxWriter outbox;
    private final Scheduler scheduler;
    private final Clock clock;

    Booker(Visits visits, NurseRoster roster, OutboxWriter outbox, DispatchProperties properties, Clock clock) {
        this.visits = visits;
        this.roster = roster;
        this.outbox = outbox;
        this.scheduler = new Scheduler(new SchedulingPolicy(properties.leadTime()));
        this.clock = clock;
    }

    /** The scheduling engine with the configured lead time. */
    Scheduler scheduler() {
        return scheduler;
    }

    /**
     * One booking of a visit.
     *
     * @param cause         {@code VisitScheduled.cause}
     * @param previousStart the start before the move, null when there was none
     * @param previousNurse the nurse before the move, null when there was none: {@code nurseChanged} compares with it
     * @param movingVisit   a visit whose own old slot does not stand in its way (a reschedule), or null
     * @param choose        picks a start and nurse among the candidates
     * @param write         writes the visit for the locked nurse; false when it was there already (a redelivery)
     * @param nobody        what happens when no nurse fits
     */
    record Move(ScheduleCause cause, @Nullable Instant previousStart, @Nullable UUID previousNurse,
                @Nullable UUID movingVisit, Function<List<Candidate>, Optional<Assignment>> choose,
                Predicate<Assignment> write, Runnable nobody) {
    }

    /**
     * A nurse locked in vain is let go at once (back to a savepoint) so that two dispatchers each holding the nurse
     * the other wants do not deadlock; then the choice is made again.
     */
    void book(PendingRequest request, Move move) {
        TransactionStatus transaction = TransactionAspectSupport.currentTransactionStatus();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Assignment> choice = move.choose().apply(candidates(request, move.movingVisit()));
            if (choice.isEmpty()) {
                move.nobody().run();
                return;
            }
            Assignment assignment = choice.get();
            Object savepoint = transaction.createSavepoint();
            Optional<Candidate> locked = roster.lock(assignment.nurseId(), request.consultationId(), request.span(),
                    move.movingVisit());
            if (locked.isEmpty() || !scheduler.fits(request.toRequest(), locked.get(), assignment.start())) {
                transaction.rollbackToSavepoint(savepoint);
            } else {
                transaction.releaseSavepoint(savepoint);
                if (move.write().test(assignment)) {
                    announce(request, move.cause(), move.previousStart(), move.previousNurse(), assignment);
                }
                visits.markRequest(request.visitId(), "SCHEDULED");
                return;
            }
        }
        // the transaction rolls back and the record is delivered again
        throw new BookingContendedException();
    }

    /**
     * An operator's choice (DECISIONS 37): the SCHEDULED visit goes to {@code nurseId} at the start it has. The nurse
     * is locked and checked against every rule of automatic dispatch; a refusal names the rule it breaks and nothing
     * is written. Else {@code visit.scheduled} cause REASSIGNED, the same start, {@code nurseChanged} true.
     */
    Optional<String> assign(PendingRequest request, BookedVisit visit, UUID nurseId, Instant now) {
        Optional<Candidate> locked = roster.lock(nurseId, request.consultationId(),
                new Interval(visit.start(), visit.end()), visit.visitId());
        if (locked.isEmpty()) {
            return Optional.of("The nurse is inactive: out of dispatch.");
        }
        Optional<Refusal> refusal = scheduler.refusal(request.toRequest(), locked.get(), visit.start());
        if (refusal.isPresent()) {
            return Optional.of(refusal.get().detail());
        }
        visits.reassign(visit.visitId(), nurseId, visit.start(), visit.end(), now);
        announce(request, ScheduleCause.REASSIGNED, visit.start(), visit.nurseId(),
                new Assignment(nurseId, visit.start(), visit.end()));
        return Optional.empty();
    }

    /** Nobody can take the visit: the request is UNSCHEDULABLE and booking hears it. */
    void unschedulable(PendingRequest request) {
        visits.markRequest(request.visitId(), "UNSCHEDULABLE");
        outbox.append(new VisitUnschedulable(request.consultationId(), request.visitId(), request.sequence(),
                NO_QUALIFIED_NURSE, Instant.now(clock)));
        log.info("Visit {} unschedulable: {}", request.visitId(), NO_QUALIFIED_NURSE);
    }

    List<Candidate> candidates(PendingRequest request, @Nullable UUID movingVisit) {
        return roster.candidates(request.state(), request.zipPrefix(), request.consultationId(), request.span(),
                movingVisit);
    }

    private void announce(PendingRequest request, ScheduleCause cause, @Nullable Instant previousStart,
                          @Nullable UUID previousNurse, Assignment assignment) {
        boolean nurseChanged = previousNurse != null && !previousNurse.equals(assignment.nurseId());
        outbox.append(new VisitScheduled(request.consultationId(), request.visitId(), request.sequence(),
                assignment.nurseId(), roster.displayName(assignment.nurseId()), local(request, assignment.start()),
                local(request, assignment.end()), request.timeZone().getId(), cause,
                previousStart == null ? null : local(request, previousStart), nurseChanged));
        log.info("Visit {} scheduled ({}) with nurse {} at {}", request.visitId(), cause, assignment.nurseId(),
                assignment.start());
    }

    static OffsetDateTime local(PendingRequest request, Instant instant) {
        return instant.atZone(request.timeZone()).toOffsetDateTime();
    }

    static final class BookingContendedException extends RuntimeException implements SafeMessage {

        BookingContendedException() {
            super("nurses booked concurrently, dispatch retried");
        }
    }
}
