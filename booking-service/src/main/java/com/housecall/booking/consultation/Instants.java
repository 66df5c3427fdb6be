package com.housecall.booking.consultation;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Instants as CONTRACT.md section 11 writes them, always with seconds: visit times with the patient's offset, every
 * other instant in UTC. Rows stored before (without seconds) are formatted on the way out (DECISIONS 6).
 */
final class Instants {

    private Instants() {
    }

    /** {@code 2026-12-04T09:00:00-05:00}; OffsetDateTime.toString() would drop the ":00" seconds. */
    static String withOffset(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String withOffset(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return withOffset(OffsetDateTime.parse(stored));
        } catch (DateTimeException e) {
            return stored;
        }
    }

    /** {@code 2026-12-04T14:00:00Z}, whatever offset the stored text (an event's time) had. */
    static String utc(String stored) {
        try {
            return DateTimeFormatter.ISO_INSTANT.format(OffsetDateTime.parse(stored).toInstant());
        } catch (DateTimeException e) {
            return stored;
        }
    }
}
