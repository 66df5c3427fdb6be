package com.housecall.dispatch.visit;

import com.housecall.events.dispatch.VisitDeclined;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.messaging.OutboxWriter;
import com.housecall.security.problem.ConflictException;
import com.housecall.security.problem.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a nurse does to their own visit: move it along, or decline it. Another nurse's visit does not exist. */
@Service
class NurseVisits {

    private final Visits visits;
    private final Dispatcher dispatcher;
    private final OutboxWriter outbox;
    private final Clock clock;

    NurseVisits(Visits visits, Dispatcher dispatcher, OutboxWriter outbox, Clock clock) {
        this.visits = visits;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One step along the lifecycle; the current status again changes nothing; anything else is 409. */
    @Transactional
    public NurseVisit move(UUID nurseId, UUID visitId, VisitStatus target) {
        BookedVisit visit = own(nurseId, visitId);
        switch (visit.status().moveTo(target)) {
            case UNCHANGED -> {
            }
            case ALLOWED -> {
                Instant now = Instant.now(clock);
                visits.setStatus(visitId, target, now);
                outbox.append(new VisitStatusChanged(visit.consultationId(), visitId, target.name(), now));
            }
            case FORBIDDEN -> throw new ConflictException(
                    "The visit is " + visit.status() + "; it cannot move to " + target + ".");
        }
        return visits.nurseVisit(visitId);
    }

    /** Only a SCHEDULED visit can be declined; it is dispatched again at once. Answers the visit as it was, DECLINED. */
    @Transactional
    public NurseVisit decline(UUID nurseId, UUID visitId, String reason) {
        BookedVisit visit = own(nurseId, visitId);
        if (visit.status() != VisitStatus.SCHEDULED) {
            throw new ConflictException("Only a SCHEDULED visit can be declined; this one is " + visit.status() + ".");
        }
        NurseVisit declined = visits.nurseVisit(visitId).withStatus(VisitStatus.DECLINED);
        dispatcher.release(visit, VisitDeclined.NURSE_DECLINED, reason.strip());
        return declined;
    }

    private BookedVisit own(UUID nurseId, UUID visitId) {
        return visits.lock(visitId).filter(visit -> visit.nurseId().equals(nurseId)).orElseThrow(NotFoundException::new);
    }
}
