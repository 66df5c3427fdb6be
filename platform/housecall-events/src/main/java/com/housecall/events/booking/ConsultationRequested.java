package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/** {@code consultation.requested} on booking.events.v1: no PHI, only where and when. */
public record ConsultationRequested(UUID consultationId, @OperatorVisible String source, @OperatorVisible String state,
                                    @OperatorVisible String zipPrefix, @OperatorVisible String timeZone,
                                    @OperatorVisible Instant requestedAt) implements ConsultationEvent {
}
