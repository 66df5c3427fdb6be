package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import java.time.Instant;
import java.util.UUID;

/** {@code consultation.requested} on booking.events.v1: no PHI, only where and when. */
public record ConsultationRequested(UUID consultationId, String source, String state, String zipPrefix,
                                    String timeZone, Instant requestedAt) implements ConsultationEvent {
}
