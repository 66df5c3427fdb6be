package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import java.util.UUID;

/**
 * {@code location.updated} on the PHI topic booking.locations.v1, read by dispatch-service only: the visit address
 * and what the nurse needs to reach the patient there, the patient's first name and phone (both optional: null,
 * and absent from the JSON, when booking has not sent them).
 */
public record LocationUpdated(UUID consultationId, String line1, String city, String state, String postalCode,
                              String timeZone, String firstName, String phone)
        implements ConsultationEvent {

    /** An address without contacts. */
    public LocationUpdated(UUID consultationId, String line1, String city, String state, String postalCode,
                           String timeZone) {
        this(consultationId, line1, city, state, postalCode, timeZone, null, null);
    }
}
