package com.housecall.events.screening;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code safety.alert}: a crisis answer needs the on-call clinician. Raised at once ({@code sequence} 1) and
 * again every repeat interval ({@code 2}, {@code 3}, …) until a clinician acknowledges {@code alertId}.
 */
public record SafetyAlert(UUID consultationId, @OperatorVisible UUID alertId, @OperatorVisible int sequence,
                          @OperatorVisible Instant raisedAt) implements ConsultationEvent {
}
