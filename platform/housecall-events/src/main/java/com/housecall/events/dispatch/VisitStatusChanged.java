package com.housecall.events.dispatch;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code visit.status-changed}: the assigned nurse moved the visit one step ({@code EN_ROUTE}, {@code ARRIVED},
 * {@code INFUSION_STARTED}, {@code INFUSION_COMPLETED}, {@code COMPLETED}, {@code NO_SHOW}).
 */
public record VisitStatusChanged(UUID consultationId, @OperatorVisible UUID visitId, @OperatorVisible String status,
                                 @OperatorVisible Instant at) implements ConsultationEvent {
}
