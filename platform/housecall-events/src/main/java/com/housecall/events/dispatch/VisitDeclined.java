package com.housecall.events.dispatch;

import com.housecall.events.ConsultationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code visit.declined}: the assigned nurse is off the visit and dispatch looks for another (then
 * {@code visit.scheduled} with the same {@code visitId}, or {@code visit.unschedulable}). {@code reason}:
 * {@code NURSE_DECLINED} (the nurse declined it; their free-text reason stays in dispatch) or {@code LATE_NURSE}
 * (no {@code EN_ROUTE} 30 minutes before the start: operators are alerted by this event).
 */
public record VisitDeclined(UUID consultationId, UUID visitId, int sequence, UUID nurseId, String reason, Instant at)
        implements ConsultationEvent {

    public static final String NURSE_DECLINED = "NURSE_DECLINED";
    public static final String LATE_NURSE = "LATE_NURSE";
}
