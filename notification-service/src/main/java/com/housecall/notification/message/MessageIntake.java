package com.housecall.notification.message;

import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.ContactUpdated;
import com.housecall.messaging.EventRejectedException;
import com.housecall.messaging.InboundEvent;
import com.housecall.notification.contact.Channel;
import com.housecall.notification.contact.Contact;
import com.housecall.notification.contact.Contacts;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
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

    private final Contacts contacts;
    private final Messages messages;

    MessageIntake(Contacts contacts, Messages messages) {
        this.contacts = contacts;
        this.messages = messages;
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

    void bookingConfirmed(InboundEvent event) {
        BookingConfirmed confirmed = event.payload(BookingConfirmed.class);
        UUID consultationId = sameConsultation(event, confirmed.consultationId());
        if (confirmed.visitId() == null || confirmed.start() == null || confirmed.nurseDisplayName() == null) {
            throw new EventRejectedException("booking.confirmed lacks visitId, start or nurseDisplayName");
        }
        ZoneId zone = zone(confirmed.timeZone(), "booking.confirmed");
        boolean recorded = messages.record(new Messages.NewMessage(consultationId, confirmed.visitId(),
                NotificationType.BOOKING_CONFIRMED, confirmed.start(), zone.getId(), confirmed.nurseDisplayName()));
        if (recorded) {
            contacts.find(consultationId).ifPresent(messages::expand);
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
