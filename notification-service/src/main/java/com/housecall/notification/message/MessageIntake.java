package com.housecall.notification.message;

import static com.housecall.notification.message.Events.occasion;
import static com.housecall.notification.message.Events.time;

import com.housecall.events.booking.CancelledBy;
import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.booking.ContactUpdated;
import com.housecall.events.screening.CaseKind;
import com.housecall.events.dispatch.VisitEscalated;
import com.housecall.events.screening.SafetyAlert;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.messaging.EventRejectedException;
import com.housecall.messaging.InboundEvent;
import com.housecall.notification.contact.Channel;
import com.housecall.notification.contact.Contact;
import com.housecall.notification.contact.Contacts;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Thin handlers of the consultation's own events (the visits' are {@link VisitIntake}): translate an inbound event
 * and record what it means. They only write rows, inside the inbox transaction; the sender does the sending.
 */
@Component
class MessageIntake {

    /** Messages that a hold makes misleading if they are still waiting (e.g. held by quiet hours). */
    private static final List<NotificationType> VOID_ON_HOLD = List.of(NotificationType.REVIEW_APPROVED,
            NotificationType.BOOKING_CONFIRMED, NotificationType.VISIT_SCHEDULED, NotificationType.VISIT_MOVED,
            NotificationType.NEW_NURSE, NotificationType.RESCHEDULE_FAILED, NotificationType.VISIT_REMINDER,
            NotificationType.FASTING_REMINDER, NotificationType.IN_REVIEW);

    private final Contacts contacts;
    private final Messages messages;
    private final MessageRecorder recorder;
    private final VisitIntake visits;
    private final QueuedChoices queued;

    MessageIntake(Contacts contacts, Messages messages, MessageRecorder recorder, VisitIntake visits,
                  QueuedChoices queued) {
        this.queued = queued;
        this.contacts = contacts;
        this.messages = messages;
        this.recorder = recorder;
        this.visits = visits;
    }

    void contactUpdated(ContactUpdated updated) {
        UUID consultationId = updated.consultationId();
        if (updated.givenName() == null || updated.familyName() == null || updated.consent() == null) {
            throw new EventRejectedException("contact.updated lacks a name or consent");
        }
        Contact contact = new Contact(consultationId, updated.givenName(), updated.familyName(), updated.email(),
                updated.phone(), channels(updated.preferredChannels()), updated.consent().email(),
                updated.consent().sms(), Events.zone(updated.timeZone(), "contact.updated"));
        contacts.save(contact);
        queued.follow(contact);
        messages.expand(contact);
    }

    void consultationRequested(ConsultationRequested requested, InboundEvent event) {
        UUID consultationId = requested.consultationId();
        recorder.record(Messages.NewMessage.about(consultationId, NotificationType.REQUEST_RECEIVED,
                requested.requestedAt() != null ? requested.requestedAt() : time(event)));
    }

    /** A CRISIS outcome sends nothing here: booking's consultation.held does, once per hold, whatever the path. */
    void screeningCompleted(ScreeningCompleted completed, InboundEvent event) {
        UUID consultationId = completed.consultationId();
        if (completed.outcome() == null) {
            throw new EventRejectedException("screening.completed lacks its outcome");
        }
        NotificationType type = switch (completed.outcome()) {
            case REVIEW -> NotificationType.IN_REVIEW;
            case INELIGIBLE -> NotificationType.INELIGIBLE;
            case CRISIS, ELIGIBLE -> null;
        };
        if (type != null) {
            // the screening answers the intake the patient just submitted
            recorder.record(Messages.NewMessage.about(consultationId, type,
                    completed.completedAt() != null ? completed.completedAt() : time(event)));
        }
    }

    /** A clinician's decision is told; it answers no action of the patient's, so quiet hours hold it. */
    void screeningDecided(ScreeningDecided decided, InboundEvent event) {
        UUID consultationId = decided.consultationId();
        if (decided.decision() == null) {
            throw new EventRejectedException("screening.decided lacks its decision");
        }
        boolean maintenance = decided.kind() == CaseKind.MAINTENANCE;
        NotificationType type = switch (decided.decision()) {
            case APPROVE -> NotificationType.REVIEW_APPROVED;
            case DECLINE -> maintenance ? NotificationType.COURSE_ENDED
                    : decided.outcome() == ScreeningOutcome.CRISIS ? NotificationType.CRISIS_DECLINED
                    : NotificationType.REVIEW_DECLINED;
        };
        Instant at = decided.decidedAt() != null ? decided.decidedAt() : time(event);
        recorder.record(new Messages.NewMessage(consultationId, occasion("screening.decided", at), type, null, null,
                null, null, null, null, null));
    }

    /** Entering SAFETY_HOLD, by any path: the crisis message, once per hold, on every consented channel. */
    void consultationHeld(ConsultationHeld held, InboundEvent event) {
        UUID consultationId = held.consultationId();
        Instant at = held.heldAt() != null ? held.heldAt() : time(event);
        messages.cancelOfConsultation(consultationId, VOID_ON_HOLD, "SAFETY_HOLD");
        recorder.record(new Messages.NewMessage(consultationId, occasion("consultation.held", at),
                NotificationType.SAFETY_HOLD, null, null, null, null, null, at, null));
    }

    void consultationCancelled(ConsultationCancelled cancelled) {
        UUID consultationId = cancelled.consultationId();
        visits.allOff(consultationId);
        NotificationType type = "SAFETY_HOLD".equals(cancelled.previousStatus()) ? NotificationType.HOLD_CANCELLED
                : NotificationType.CONSULTATION_CANCELLED;
        recorder.record(Messages.NewMessage.about(consultationId, type,
                cancelled.cancelledBy() == CancelledBy.PATIENT ? cancelled.cancelledAt() : null));
    }

    /** Pages the on-call clinician once per alert and sequence; the page names the consultation only. */
    void safetyAlert(SafetyAlert alert) {
        UUID consultationId = alert.consultationId();
        if (alert.alertId() == null || alert.sequence() < 1) {
            throw new EventRejectedException("safety.alert lacks alertId or sequence");
        }
        messages.record(new Messages.NewMessage(consultationId, occasion("safety.alert", alert.alertId(),
                                alert.sequence()), NotificationType.ON_CALL_PAGE, null, null, null, null, null, null,
                        Integer.toString(alert.sequence())))
                .ifPresent(id -> messages.expandPage(id, consultationId));
    }

    /** Pages the on-call clinician once per escalation and sequence, as for a safety alert; no record values. */
    void visitEscalated(VisitEscalated escalated) {
        UUID consultationId = escalated.consultationId();
        if (escalated.escalationId() == null || escalated.sequence() < 1) {
            throw new EventRejectedException("visit.escalated lacks escalationId or sequence");
        }
        messages.record(new Messages.NewMessage(consultationId, occasion("visit.escalated",
                                escalated.escalationId(), escalated.sequence()), NotificationType.VISIT_ESCALATION_PAGE,
                        null, null, null, null, null, null, Integer.toString(escalated.sequence())))
                .ifPresent(id -> messages.expandPage(id, consultationId, NotificationType.VISIT_ESCALATION_PAGE));
    }

    private static Set<Channel> channels(@Nullable List<String> preferred) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (String name : preferred == null ? List.<String>of() : preferred) {
            try {
                channels.add(Channel.valueOf(name));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new EventRejectedException("contact.updated has an unknown preferred channel");
            }
        }
        return channels;
    }
}
