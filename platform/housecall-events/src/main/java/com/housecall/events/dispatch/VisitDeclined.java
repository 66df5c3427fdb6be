package com.housecall.events.dispatch;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code visit.declined}: the assigned nurse is off the visit and dispatch looks for another (then
 * {@code visit.scheduled} with the same {@code visitId}, or {@code visit.unschedulable}). {@code reason}:
 * {@code NURSE_DECLINED} (the nurse declined it; their free-text reason stays in dispatch), {@code LATE_NURSE} (no
 * {@code EN_ROUTE} 30 minutes before the start: operators are alerted by this event), {@code NURSE_INACTIVE} (an
 * operator took the nurse off the roster) or {@code NURSE_UNAVAILABLE} (time off or a shift change covers it).
 */
public record VisitDeclined(UUID consultationId, @OperatorVisible UUID visitId, @OperatorVisible int sequence,
                            @OperatorVisible UUID nurseId, @OperatorVisible DeclineReason reason,
                            @OperatorVisible Instant at)
        implements ConsultationEvent {
}
