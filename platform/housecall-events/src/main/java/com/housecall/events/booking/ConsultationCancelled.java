package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code consultation.cancelled}: the consultation ends; {@code cancelledBy} is the caller's role
 * ({@code PATIENT}, {@code CLINIC} or {@code OPERATOR}), {@code previousStatus} the status it left.
 */
public record ConsultationCancelled(UUID consultationId, @OperatorVisible String previousStatus,
                                    @OperatorVisible CancelledBy cancelledBy, @OperatorVisible Instant cancelledAt)
        implements ConsultationEvent {
}
