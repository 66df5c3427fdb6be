package com.housecall.events.screening;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/** {@code safety.acknowledged}: a clinician acknowledged the alert; it repeats no more. */
public record SafetyAcknowledged(UUID consultationId, @OperatorVisible UUID alertId,
                                 @OperatorVisible Instant acknowledgedAt) implements ConsultationEvent {
}
