package com.housecall.events.dispatch;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code visit.reschedule-failed}: no qualified nurse can take any start in the new windows of a reschedule. The
 * visit keeps its old nurse and time ({@code keptStart}, absent when it stays UNSCHEDULABLE); the patient is told.
 */
public record VisitRescheduleFailed(UUID consultationId, @OperatorVisible UUID visitId, @OperatorVisible int sequence,
                                    @OperatorVisible String reason, @OperatorVisible OffsetDateTime keptStart,
                                    @OperatorVisible String timeZone, @OperatorVisible Instant at)
        implements ConsultationEvent {
}
