package com.housecall.events.dispatch;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/** {@code visit.escalation-acknowledged}: a clinician took the escalation; it repeats no more. */
public record VisitEscalationAcknowledged(UUID consultationId, @OperatorVisible UUID visitId,
                                          @OperatorVisible UUID escalationId,
                                          @OperatorVisible Instant acknowledgedAt) implements ConsultationEvent {
}
