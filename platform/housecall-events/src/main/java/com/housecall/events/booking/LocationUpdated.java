package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import java.util.UUID;

/** {@code location.updated} on the PHI topic booking.locations.v1, read by dispatch-service only. */
public record LocationUpdated(UUID consultationId, String line1, String city, String state, String postalCode,
                              String timeZone) implements ConsultationEvent {
}
