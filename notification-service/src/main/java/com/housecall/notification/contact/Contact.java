package com.housecall.notification.contact;

import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How to reach the patient of one consultation. PHI: never logged, never published. */
public record Contact(UUID consultationId, String givenName, String familyName, @Nullable String email,
                      @Nullable String phone, Set<Channel> preferredChannels, boolean emailConsent, boolean smsConsent,
                      ZoneId timeZone) {

    public Contact {
        preferredChannels = Set.copyOf(preferredChannels);
    }

    /** Routine messages go to a channel the patient both prefers and consented to. */
    public boolean wantsRoutine(Channel channel) {
        return preferredChannels.contains(channel) && consented(channel);
    }

    public boolean consented(Channel channel) {
        return switch (channel) {
            case EMAIL -> emailConsent;
            case SMS -> smsConsent;
        };
    }

    public @Nullable String address(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> phone;
        };
    }
}
