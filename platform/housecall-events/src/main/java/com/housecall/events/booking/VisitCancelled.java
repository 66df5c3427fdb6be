package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code visit.cancelled}: a visit that had not started is off (dispatch frees the nurse). {@code reason}:
 * {@code CONSULTATION_CANCELLED}, {@code PATIENT_REQUEST} or {@code SAFETY_HOLD}.
 */
public record VisitCancelled(UUID consultationId, @OperatorVisible UUID visitId, @OperatorVisible int sequence,
                             @OperatorVisible VisitCancelReason reason, @OperatorVisible Instant cancelledAt)
        implements ConsultationEvent {
}
