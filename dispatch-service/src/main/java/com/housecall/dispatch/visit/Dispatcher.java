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
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.messaging.OutboxWriter;
import com.housecall.messaging.SafeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books a nurse once booking has sent both the request and the patient's location, in whichever order they
 * arrive. The booking, its event and the inbox record commit together.
 */
@Service
class Dispatcher {

    static final String NO_QUALIFIED_NURSE = "NO_QUALIFIED_NURSE";
    private static final int ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Visits visits;
    private final NurseRoster roster;
    private final OutboxWriter outbox;
    private final Scheduler scheduler;
    private final Clock clock;

    Dispatcher(Visits visits, NurseRoster roster, OutboxWriter outbox, DispatchProperties properties, Clock clock) {
        this.visits = visits;
        this.roster = roster;
        this.outbox = outbox;
        this.scheduler = new Scheduler(new SchedulingPolicy(properties.leadTime()));
        this.clock = clock;
    }

    @Transactional
    public void requested(VisitRequested request) {
        if (visits.addRequest(request)) {
            dispatch(request.consultationId());
        }
    }

    @Transactional
    public void located(LocationUpdated location) {
        visits.saveLocation(location);
        dispatch(location.consultationId());
    }

    private void dispatch(UUID consultationId) {
        if (!visits.hasLocation(consultationId)) {
            return;
        }
        for (PendingRequest pending : visits.pending(consultationId)) {
            schedule(pending);
        }
    }

    /**
     * Picks the earliest start and nurse from what was read, then locks that nurse and checks again with what is
     * committed now; another dispatcher may have booked the nurse in between, then the next choice is tried.
     */
    private void schedule(PendingRequest pending) {
        VisitRequest request = pending.toRequest();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Assignment> choice = scheduler.earliest(request, roster.candidates(pending.state(),
                    pending.zipPrefix(), pending.consultationId(), pending.span()));
            if (choice.isEmpty()) {
                visits.markRequest(pending.visitId(), "UNSCHEDULABLE");
                outbox.append(new VisitUnschedulable(pending.consultationId(), pending.visitId(), pending.sequence(),
                        NO_QUALIFIED_NURSE, Instant.now(clock)));
                log.info("Visit {} unschedulable: {}", pending.visitId(), NO_QUALIFIED_NURSE);
                return;
            }
            Assignment assignment = choice.get();
            Candidate locked = roster.lock(assignment.nurseId(), pending.consultationId(), pending.span());
            if (scheduler.fits(request, locked, assignment.start())) {
                if (visits.book(pending, assignment.nurseId(), assignment.start(), assignment.end())) {
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
