package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code visit.requested}: booking asks dispatch for a nurse and a start inside one of the windows. */
public record VisitRequested(UUID consultationId, UUID visitId, int sequence, String phase, List<TimeWindow> windows,
                             String state, String zipPrefix, String timeZone, Instant requestedAt) implements ConsultationEvent {
}
