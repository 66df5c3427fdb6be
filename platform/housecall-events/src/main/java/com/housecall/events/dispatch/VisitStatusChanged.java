package com.housecall.events.dispatch;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code visit.status-changed}: the assigned nurse moved the visit one step ({@link VisitProgress}).
 */
public record VisitStatusChanged(UUID consultationId, @OperatorVisible UUID visitId,
                                 @OperatorVisible VisitProgress status,
                                 @OperatorVisible Instant at) implements ConsultationEvent {
}
