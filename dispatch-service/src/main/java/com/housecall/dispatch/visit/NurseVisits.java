package com.housecall.dispatch.visit;

import com.housecall.events.dispatch.DeclineReason;
import com.housecall.events.dispatch.VisitProgress;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.messaging.OutboxWriter;
import com.housecall.security.problem.ConflictException;
import com.housecall.security.problem.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a nurse does to their own visit: move it along, or decline it. Another nurse's visit does not exist. */
@Service
class NurseVisits {

    private final Visits visits;
    private final NurseVisitViews views;
    private final Dispatcher dispatcher;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final VisitClock visitClock;
    private final ObjectProvider<MoveGuard> guards;

    NurseVisits(Visits visits, NurseVisitViews views, Dispatcher dispatcher, OutboxWriter outbox, Clock clock,
                VisitClock visitClock, ObjectProvider<MoveGuard> guards) {
        this.visitClock = visitClock;
        this.guards = guards;
        this.visits = visits;
        this.views = views;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * One step along the lifecycle; the current status again changes nothing; anything else is 409, and so is a
     * step the clock does not allow yet ({@link VisitClock}), with the moment it becomes possible.
     */
    @Transactional
    public NurseVisit move(UUID nurseId, UUID visitId, VisitStatus target) {
        BookedVisit visit = own(nurseId, visitId);
        switch (visit.status().moveTo(target)) {
            case UNCHANGED -> {
            }
            case ALLOWED -> {
                Instant now = Instant.now(clock);
                notTooEarly(visit, target, now);
                guards.orderedStream().forEach(guard -> guard.check(visitId, target.name(), now));
                visits.setStatus(visitId, target, now);
                outbox.append(new VisitStatusChanged(visit.consultationId(), visitId,
                        VisitProgress.valueOf(target.name()), now));
            }
            case FORBIDDEN -> throw new ConflictException(
                    "The visit is " + visit.status() + "; it cannot move to " + target + ".");
        }
        return views.nurseVisit(visitId);
    }

    /** Only a SCHEDULED visit can be declined; it is dispatched again at once. Answers the visit as it was, DECLINED. */
    @Transactional
    public NurseVisit decline(UUID nurseId, UUID visitId, String reason) {
        BookedVisit visit = own(nurseId, visitId);
        if (visit.status() != VisitStatus.SCHEDULED) {
            throw new ConflictException("Only a SCHEDULED visit can be declined; this one is " + visit.status() + ".");
        }
        NurseVisit declined = views.nurseVisit(visitId).withStatus(VisitStatus.DECLINED);
        dispatcher.release(visit, DeclineReason.NURSE_DECLINED, reason.strip());
        return declined;
    }

    private void notTooEarly(BookedVisit visit, VisitStatus target, Instant now) {
        visitClock.notBefore(visit, target).filter(now::isBefore).ifPresent(from -> {
            throw new ConflictException("The visit cannot move to " + target + " yet; it can from "
                    + seconds(from).atZone(visit.zone()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ".");
        });
    }

    /** The next whole second: never a moment the move is still refused. */
    private static Instant seconds(Instant instant) {
        Instant whole = instant.truncatedTo(ChronoUnit.SECONDS);
        return whole.equals(instant) ? whole : whole.plusSeconds(1);
    }

    private BookedVisit own(UUID nurseId, UUID visitId) {
        return visits.lock(visitId).filter(visit -> visit.nurseId().equals(nurseId)).orElseThrow(NotFoundException::new);
    }
}
