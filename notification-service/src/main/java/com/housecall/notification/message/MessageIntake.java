package com.housecall.notification.message;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.BookingUnfulfilled;
import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.booking.ContactUpdated;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.events.screening.SafetyAlert;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.messaging.EventRejectedException;
import com.housecall.messaging.InboundEvent;
import com.housecall.notification.contact.Channel;
import com.housecall.notification.contact.Contact;
import com.housecall.notification.contact.Contacts;
import com.housecall.notification.schedule.Reminders;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Thin handlers: translate an inbound event and record what it means. They only write rows, inside the inbox
 * transaction; the sender does the sending. Rejections name fields, never values.
 */
@Component
class MessageIntake {

    private static final List<NotificationType> VISIT_PENDING = List.of(NotificationType.VISIT_REMINDER,
            NotificationType.FASTING_REMINDER);

    private final Contacts contacts;
    private final Messages messages;
    private final Visits visits;
    private final Clock clock;

    MessageIntake(Contacts contacts, Messages messages, Visits visits, Clock clock) {
        this.contacts = contacts;
        this.messages = messages;
        this.visits = visits;
        this.clock = clock;
    }

    void contactUpdated(InboundEvent event) {
        ContactUpdated updated = event.payload(ContactUpdated.class);
        UUID consultationId = sameConsultation(event, updated.consultationId());
        if (updated.givenName() == null || updated.familyName() == null || updated.consent() == null) {
            throw new EventRejectedException("contact.updated lacks a name or consent");
        }
        Contact contact = new Contact(consultationId, updated.givenName(), updated.familyName(), updated.email(),
                updated.phone(), channels(updated.preferredChannels()), updated.consent().email(),
                updated.consent().sms(), zone(updated.timeZone(), "contact.updated"));
        contacts.save(contact);
        messages.expand(contact);
    }

    void consultationRequested(InboundEvent event) {
        ConsultationRequested requested = event.payload(ConsultationRequested.class);
        UUID consultationId = sameConsultation(event, requested.consultationId());
        record(Messages.NewMessage.about(consultationId, NotificationType.REQUEST_RECEIVED,
                requested.requestedAt() != null ? requested.requestedAt() : time(event)));
    }

    void screeningCompleted(InboundEvent event) {
        ScreeningCompleted completed = event.payload(ScreeningCompleted.class);
        UUID consultationId = sameConsultation(event, completed.consultationId());
        NotificationType type = switch (completed.outcome() == null ? "" : completed.outcome()) {
            case "REVIEW" -> NotificationType.IN_REVIEW;
            case "INELIGIBLE" -> NotificationType.INELIGIBLE;
            case "CRISIS" -> NotificationType.SAFETY_HOLD;
            case "ELIGIBLE" -> null;
            default -> throw new EventRejectedException("screening.completed has an unknown outcome");
        };
        if (type != null) {
            // the screening answers the intake the patient just submitted
            record(Messages.NewMessage.about(consultationId, type,
                    completed.completedAt() != null ? completed.completedAt() : time(event)));
        }
    }

    void bookingConfirmed(InboundEvent event) {
        BookingConfirmed confirmed = event.payload(BookingConfirmed.class);
        UUID consultationId = sameConsultation(event, confirmed.consultationId());
        if (confirmed.visitId() == null || confirmed.start() == null || confirmed.nurseDisplayName() == null) {
            throw new EventRejectedException("booking.confirmed lacks visitId, start or nurseDisplayName");
        }
        ZoneId zone = zone(confirmed.timeZone(), "booking.confirmed");
        Optional<Visits.Visit> known = visits.find(confirmed.visitId());
        if (known.isEmpty()) {
            visits.save(confirmed.visitId(), consultationId, 1, confirmed.start(), zone.getId(),
                    confirmed.nurseDisplayName());
            scheduleReminders(consultationId, confirmed.visitId(), confirmed.start(), zone, confirmed.nurseDisplayName(),
                    time(event));
        }
        record(new Messages.NewMessage(consultationId, confirmed.visitId(), NotificationType.BOOKING_CONFIRMED,
                confirmed.visitId(), confirmed.start(), zone.getId(), confirmed.nurseDisplayName(), null, null, null));
    }

    /** Visits 2… and moved visits get a message of their own; visit 1 is announced by booking.confirmed. */
    void visitScheduled(InboundEvent event) {
        VisitScheduled scheduled = event.payload(VisitScheduled.class);
        UUID consultationId = sameConsultation(event, scheduled.consultationId());
        if (scheduled.visitId() == null || scheduled.start() == null) {
            throw new EventRejectedException("visit.scheduled lacks visitId or start");
        }
        ZoneId zone = zone(scheduled.timeZone(), "visit.scheduled");
        Optional<Visits.Visit> known = visits.find(scheduled.visitId());
        boolean moved = known.isPresent() && !known.get().start().toInstant().equals(scheduled.start().toInstant());
        if (known.isPresent() && !moved) {
            return; // a repeat: nothing new to tell
        }
        visits.save(scheduled.visitId(), consultationId, scheduled.sequence(), scheduled.start(), zone.getId(),
                scheduled.nurseDisplayName());
        Instant bookedAt = time(event);
        if (moved) {
            moveReminders(consultationId, scheduled.visitId(), scheduled.start(), zone, scheduled.nurseDisplayName(),
                    bookedAt);
        } else {
            scheduleReminders(consultationId, scheduled.visitId(), scheduled.start(), zone,
                    scheduled.nurseDisplayName(), bookedAt);
        }
        if (moved || scheduled.sequence() > 1) {
            // one message per visit and start: a redelivery is the same occasion, a further move a new one
            UUID occasion = UUID.nameUUIDFromBytes(("visit.scheduled:" + scheduled.visitId() + ":"
                    + scheduled.start().toInstant()).getBytes(UTF_8));
            record(new Messages.NewMessage(consultationId, occasion, NotificationType.VISIT_SCHEDULED,
                    scheduled.visitId(), scheduled.start(), zone.getId(), scheduled.nurseDisplayName(), null, null,
                    null));
        }
    }

    void bookingUnfulfilled(InboundEvent event) {
        BookingUnfulfilled unfulfilled = event.payload(BookingUnfulfilled.class);
        UUID consultationId = sameConsultation(event, unfulfilled.consultationId());
        UUID occasion = unfulfilled.visitId() != null ? unfulfilled.visitId() : consultationId;
        record(new Messages.NewMessage(consultationId, occasion, NotificationType.BOOKING_UNFULFILLED,
                unfulfilled.visitId(), null, null, null, null, null, null));
    }

    void visitUnschedulable(InboundEvent event) {
        VisitUnschedulable unschedulable = event.payload(VisitUnschedulable.class);
        UUID consultationId = sameConsultation(event, unschedulable.consultationId());
        if (unschedulable.visitId() == null) {
            throw new EventRejectedException("visit.unschedulable lacks visitId");
        }
        visits.setStatus(unschedulable.visitId(), "UNSCHEDULABLE");
        messages.cancel(unschedulable.visitId(), VISIT_PENDING, "VISIT_UNSCHEDULABLE");
        record(new Messages.NewMessage(consultationId, unschedulable.visitId(), NotificationType.VISIT_UNSCHEDULABLE,
                unschedulable.visitId(), null, null, null, null, null, null));
    }

    void visitStatusChanged(InboundEvent event) {
        VisitStatusChanged changed = event.payload(VisitStatusChanged.class);
        UUID consultationId = sameConsultation(event, changed.consultationId());
        if (changed.visitId() == null || changed.status() == null) {
            throw new EventRejectedException("visit.status-changed lacks visitId or status");
        }
        Optional<Visits.Visit> visit = visits.find(changed.visitId());
        switch (changed.status()) {
            case "EN_ROUTE" -> record(new Messages.NewMessage(consultationId, changed.visitId(),
                    NotificationType.EN_ROUTE, changed.visitId(), visit.map(Visits.Visit::start).orElse(null),
                    visit.map(Visits.Visit::timeZone).orElse(null), visit.map(Visits.Visit::nurseName).orElse(null),
                    null, null, null));
            case "COMPLETED" -> {
                visits.setStatus(changed.visitId(), "COMPLETED");
                messages.cancel(changed.visitId(), VISIT_PENDING, "VISIT_COMPLETED");
                record(new Messages.NewMessage(consultationId, changed.visitId(), NotificationType.AFTERCARE,
                        changed.visitId(), visit.map(Visits.Visit::start).orElse(null),
                        visit.map(Visits.Visit::timeZone).orElse(null), null, null, null, null));
            }
            case "NO_SHOW" -> {
                visits.setStatus(changed.visitId(), "NO_SHOW");
                messages.cancel(changed.visitId(), VISIT_PENDING, "VISIT_NO_SHOW");
            }
            default -> {
                // ARRIVED, INFUSION_*: nothing to tell the patient
            }
        }
    }

    void visitCancelled(InboundEvent event) {
        VisitCancelled cancelled = event.payload(VisitCancelled.class);
        UUID consultationId = sameConsultation(event, cancelled.consultationId());
        if (cancelled.visitId() == null) {
            throw new EventRejectedException("visit.cancelled lacks visitId");
        }
        Optional<Visits.Visit> visit = visits.find(cancelled.visitId());
        visits.setStatus(cancelled.visitId(), "CANCELLED");
        messages.cancel(cancelled.visitId(), List.of(NotificationType.VISIT_REMINDER,
                NotificationType.FASTING_REMINDER, NotificationType.EN_ROUTE), "VISIT_CANCELLED");
        if ("CONSULTATION_CANCELLED".equals(cancelled.reason())) {
            return; // the consultation's own cancellation message says it all
        }
        record(new Messages.NewMessage(consultationId, cancelled.visitId(), NotificationType.VISIT_CANCELLED,
                cancelled.visitId(), visit.map(Visits.Visit::start).orElse(null),
                visit.map(Visits.Visit::timeZone).orElse(null), null, null,
                "PATIENT_REQUEST".equals(cancelled.reason()) ? cancelled.cancelledAt() : null, null));
    }

    void consultationCancelled(InboundEvent event) {
        ConsultationCancelled cancelled = event.payload(ConsultationCancelled.class);
        UUID consultationId = sameConsultation(event, cancelled.consultationId());
        for (Visits.Visit visit : visits.ofConsultation(consultationId)) {
            UUID visitId = UUID.fromString(visit.visitId());
            visits.setStatus(visitId, "CANCELLED");
            messages.cancel(visitId, List.of(NotificationType.VISIT_REMINDER, NotificationType.FASTING_REMINDER,
                    NotificationType.EN_ROUTE), "VISIT_CANCELLED");
        }
        record(Messages.NewMessage.about(consultationId, NotificationType.CONSULTATION_CANCELLED,
                "PATIENT".equals(cancelled.cancelledBy()) ? cancelled.cancelledAt() : null));
    }

    /** Pages the on-call clinician once per alert and sequence; the page names the consultation only. */
    void safetyAlert(InboundEvent event) {
        SafetyAlert alert = event.payload(SafetyAlert.class);
        UUID consultationId = sameConsultation(event, alert.consultationId());
        if (alert.alertId() == null || alert.sequence() < 1) {
            throw new EventRejectedException("safety.alert lacks alertId or sequence");
        }
        UUID occasion = UUID.nameUUIDFromBytes(("safety.alert:" + alert.alertId() + ":" + alert.sequence())
                .getBytes(UTF_8));
        messages.record(new Messages.NewMessage(consultationId, occasion, NotificationType.ON_CALL_PAGE, null, null,
                        null, null, null, null, Integer.toString(alert.sequence())))
                .ifPresent(id -> messages.expandPage(id, consultationId));
    }

    private void scheduleReminders(UUID consultationId, UUID visitId, OffsetDateTime start, ZoneId zone,
                                   @Nullable String nurse, Instant bookedAt) {
        Optional<Instant> dayBefore = Reminders.dayBefore(start.toInstant(), bookedAt);
        dayBefore.ifPresent(at -> record(new Messages.NewMessage(consultationId, visitId,
                NotificationType.VISIT_REMINDER, visitId, start, zone.getId(), nurse, at, null, null)));
        Instant fasting = Reminders.fasting(start.toInstant(), zone);
        Instant now = clock.instant();
        record(new Messages.NewMessage(consultationId, visitId, NotificationType.FASTING_REMINDER, visitId, start,
                zone.getId(), nurse, fasting.isBefore(now) ? now : fasting, null, null));
    }

    private void moveReminders(UUID consultationId, UUID visitId, OffsetDateTime start, ZoneId zone,
                               @Nullable String nurse, Instant movedAt) {
        Optional<Instant> dayBefore = Reminders.dayBefore(start.toInstant(), movedAt);
        if (messages.hasMessage(visitId, NotificationType.VISIT_REMINDER)) {
            messages.reschedule(visitId, NotificationType.VISIT_REMINDER, start, zone.getId(), dayBefore);
        } else {
            dayBefore.ifPresent(at -> record(new Messages.NewMessage(consultationId, visitId,
                    NotificationType.VISIT_REMINDER, visitId, start, zone.getId(), nurse, at, null, null)));
        }
        Instant fasting = Reminders.fasting(start.toInstant(), zone);
        Instant now = clock.instant();
        if (messages.hasMessage(visitId, NotificationType.FASTING_REMINDER)) {
            messages.reschedule(visitId, NotificationType.FASTING_REMINDER, start, zone.getId(),
                    Optional.of(fasting.isBefore(now) ? now : fasting));
        } else {
            record(new Messages.NewMessage(consultationId, visitId, NotificationType.FASTING_REMINDER, visitId, start,
                    zone.getId(), nurse, fasting.isBefore(now) ? now : fasting, null, null));
        }
    }

    /** Records the message and, if the contact is known, expands it into notifications. */
    private void record(Messages.NewMessage message) {
        if (messages.record(message).isPresent()) {
            contacts.find(message.consultationId()).ifPresent(messages::expand);
        }
    }

    private static Instant time(InboundEvent event) {
        try {
            return OffsetDateTime.parse(event.time()).toInstant();
        } catch (DateTimeException e) {
            throw new EventRejectedException("header ce_time is not a time");
        }
    }

    private static UUID sameConsultation(InboundEvent event, @Nullable UUID payloadConsultation) {
        UUID subject = event.consultationId();
        if (!subject.equals(payloadConsultation)) {
            throw new EventRejectedException("consultationId does not match ce_subject");
        }
        return subject;
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

    private static ZoneId zone(@Nullable String timeZone, String type) {
        try {
            return ZoneId.of(timeZone == null ? "" : timeZone);
        } catch (DateTimeException e) {
            throw new EventRejectedException(type + " has no valid timeZone");
        }
    }
}
