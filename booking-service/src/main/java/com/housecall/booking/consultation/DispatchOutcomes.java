package com.housecall.booking.consultation;

import com.housecall.booking.consultation.ConsultationRepository.StoredConsultation;
import com.housecall.booking.consultation.ConsultationRepository.StoredVisit;
import com.housecall.events.EventTypes;
import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.BookingUnfulfilled;
import com.housecall.events.dispatch.VisitRescheduleFailed;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.messaging.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What dispatch answers about a visit moves the visit and the course on. Each event is recorded in the timeline. */
@Service
class DispatchOutcomes {

    private final ConsultationRepository repository;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final CourseSteps steps;
    private final VisitMoves moves;

    DispatchOutcomes(ConsultationRepository repository, OutboxWriter outbox, Clock clock, CourseSteps steps,
                     VisitMoves moves) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
        this.steps = steps;
        this.moves = moves;
    }

    /**
     * A nurse and a start: a first booking, or a move (reschedule, re-plan, re-dispatch) of the same visitId, which
     * then takes the new time and nurse. The first visit's booking confirms the course and requests visits 2 to 6.
     */
    @Transactional
    void visitScheduled(VisitScheduled scheduled, String eventTime) {
        onVisit(scheduled.consultationId(), scheduled.visitId(), EventTypes.VISIT_SCHEDULED, eventTime, (c, visit) -> {
            VisitStatus status = VisitStatus.of(visit.status());
            if (status == VisitStatus.CANCELLED || (status.ended() && status != VisitStatus.UNSCHEDULABLE)
                    || (status == VisitStatus.UNSCHEDULABLE && c.status().isFinal())) {
                return;
            }
            ZoneId zone = ZoneId.of(c.timeZone());
            OffsetDateTime start = scheduled.start().atZoneSameInstant(zone).toOffsetDateTime();
            OffsetDateTime end = scheduled.end().atZoneSameInstant(zone).toOffsetDateTime();
            // a moved visit keeps a status the nurse already set; a new (or re-opened) assignment is SCHEDULED
            boolean open = status == VisitStatus.REQUESTED || status == VisitStatus.UNSCHEDULABLE;
            repository.updateVisit(visit.id(), open ? VisitStatus.SCHEDULED.name() : visit.status(),
                    Instants.withOffset(start), Instants.withOffset(end), scheduled.nurseDisplayName());
            if (visit.sequence() == 1 && c.status() == ConsultationStatus.SCHEDULING) {
                Instant now = Instant.now(clock);
                repository.updateStatus(c.id(), ConsultationStatus.CONFIRMED);
                outbox.append(new BookingConfirmed(c.id(), visit.id(), start, end, scheduled.nurseDisplayName(),
                        c.timeZone(), CourseSteps.INDUCTION_VISITS));
                steps.record(c.id(), EventTypes.BOOKING_CONFIRMED, now);
                steps.requestRestOfInduction(c, start.atZoneSameInstant(zone));
            }
        });
    }

    /**
     * No nurse for a visit. The first visit of a course being scheduled makes it UNFULFILLED; a later visit is
     * re-planned once for the next feasible day (DECISIONS 13); a re-plan that fails too stays UNSCHEDULABLE.
     */
    @Transactional
    void visitUnschedulable(VisitUnschedulable event, String eventTime) {
        onVisit(event.consultationId(), event.visitId(), EventTypes.VISIT_UNSCHEDULABLE, eventTime, (c, visit) -> {
            VisitStatus status = VisitStatus.of(visit.status());
            if (status.ended() && status != VisitStatus.UNSCHEDULABLE) {
                return;
            }
            if (visit.sequence() == 1 && c.status() == ConsultationStatus.SCHEDULING) {
                Instant now = Instant.now(clock);
                repository.updateVisitStatus(visit.id(), VisitStatus.UNSCHEDULABLE.name());
                repository.updateStatus(c.id(), ConsultationStatus.UNFULFILLED);
                outbox.append(new BookingUnfulfilled(c.id(), visit.id(), event.reason(), now));
                steps.record(c.id(), EventTypes.BOOKING_UNFULFILLED, now);
                return;
            }
            if (visit.sequence() > 1 && c.status() == ConsultationStatus.CONFIRMED && !visit.replanned()
                    && moves.replan(c, visit)) {
                return;
            }
            repository.updateVisitStatus(visit.id(), VisitStatus.UNSCHEDULABLE.name());
            steps.completeIfDone(c);
        });
    }

    /**
     * No nurse fits a reschedule's new windows: a visit that had a time keeps it (nothing changes but the timeline);
     * one that was UNSCHEDULABLE is so again, and an UNFULFILLED first visit leaves its consultation UNFULFILLED.
     * The patient hears of it from notification, on this event (no second booking.unfulfilled).
     */
    @Transactional
    void rescheduleFailed(VisitRescheduleFailed event, String eventTime) {
        onVisit(event.consultationId(), event.visitId(), EventTypes.VISIT_RESCHEDULE_FAILED, eventTime, (c, visit) -> {
            if (VisitStatus.of(visit.status()) != VisitStatus.REQUESTED || visit.startAt() != null) {
                return;
            }
            repository.updateVisitStatus(visit.id(), VisitStatus.UNSCHEDULABLE.name());
            if (visit.sequence() == 1 && c.status() == ConsultationStatus.SCHEDULING) {
                repository.updateStatus(c.id(), ConsultationStatus.UNFULFILLED);
            } else {
                steps.completeIfDone(c);
            }
        });
    }

    /** The nurse moved a visit on: shown on the visit; the course is COMPLETED when its last visit has ended. */
    @Transactional
    void visitStatusChanged(VisitStatusChanged changed, String eventTime) {
        VisitStatus status;
        try {
            status = VisitStatus.valueOf(changed.status().name());
        } catch (IllegalArgumentException e) {
            return;
        }
        onVisit(changed.consultationId(), changed.visitId(), EventTypes.VISIT_STATUS_CHANGED, eventTime, (c, visit) -> {
            if (VisitStatus.of(visit.status()).ended() || status == VisitStatus.CANCELLED || status == VisitStatus.REQUESTED) {
                return;
            }
            repository.updateVisitStatus(visit.id(), status.name());
            if (status.ended()) {
                steps.completeIfDone(c);
            }
        });
    }

    /** Locks the consultation, finds its visit, records the event in the timeline, then applies it. */
    private void onVisit(UUID consultationId, UUID visitId, String type, String eventTime,
                         BiConsumer<StoredConsultation, StoredVisit> apply) {
        repository.findForUpdate(consultationId).ifPresent(c -> repository.findVisit(visitId)
                .filter(v -> v.consultationId().equals(consultationId)).ifPresent(visit -> {
                    repository.addToTimeline(consultationId, type, eventTime);
                    apply.accept(c, visit);
                }));
    }
}
