package com.housecall.events.dispatch;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code visit.escalated}: something in the visit record needs the on-call clinician. Raised at once
 * ({@code sequence} 1) and again every repeat interval until a clinician acknowledges {@code escalationId}. Ids,
 * reason codes and times only: the record's values stay in dispatch.
 */
public record VisitEscalated(UUID consultationId, @OperatorVisible UUID visitId, @OperatorVisible UUID escalationId,
                             @OperatorVisible List<EscalationReason> reasons, @OperatorVisible int sequence,
                             @OperatorVisible Instant raisedAt) implements ConsultationEvent {
}
