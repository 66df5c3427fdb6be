package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import java.util.List;
import java.util.UUID;

/** {@code contact.updated} on the compacted PHI topic booking.contacts.v1, read by notification-service only. */
public record ContactUpdated(UUID consultationId, String givenName, String familyName, String email, String phone,
                             List<String> preferredChannels, Consent consent, String timeZone) implements ConsultationEvent {

    public record Consent(boolean sms, boolean email) {
    }
}
