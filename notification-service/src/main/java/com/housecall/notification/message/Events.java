package com.housecall.notification.message;

import com.housecall.messaging.EventRejectedException;
import com.housecall.messaging.InboundEvent;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What every handler checks of an inbound event. Rejections name fields, never values. */
final class Events {

    private Events() {
    }

    static Instant time(InboundEvent event) {
        try {
            return OffsetDateTime.parse(event.time()).toInstant();
        } catch (DateTimeException e) {
            throw new EventRejectedException("header ce_time is not a time");
        }
    }

    static ZoneId zone(@Nullable String timeZone, String type) {
        try {
            return ZoneId.of(timeZone == null ? "" : timeZone);
        } catch (DateTimeException e) {
            throw new EventRejectedException(type + " has no valid timeZone");
        }
    }

    /** One occasion per name and parts: a redelivery or a copy of the event is the same occasion. */
    static UUID occasion(String name, Object... parts) {
        StringBuilder key = new StringBuilder(name);
        for (Object part : parts) {
            key.append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
