package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import java.util.UUID;

/**
 * {@code visit.location} on the PHI topic booking.locations.v1, read by dispatch-service only: a visit request
 * (the same as its {@code visit.requested} on booking.events.v1) with the address the nurse goes to. Everything
 * dispatch needs for a visit arrives on one topic, in the consultation's order (DECISIONS 19): no join of two topics.
 */
public record VisitLocation(UUID consultationId, VisitRequested visit, LocationUpdated address)
        implements ConsultationEvent {

    public static VisitLocation of(VisitRequested visit, LocationUpdated address) {
        return new VisitLocation(visit.consultationId(), visit, address);
    }
}
