package com.housecall.events.screening;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code safety.withdrawn}: the consultation was cancelled while its safety alert was open; the alert repeats no
 * more and the operator page clears it.
 */
public record SafetyWithdrawn(UUID consultationId, @OperatorVisible UUID alertId, @OperatorVisible Instant withdrawnAt)
        implements ConsultationEvent {
}
