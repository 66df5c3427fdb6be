package com.housecall.events.dispatch;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/** {@code visit.unschedulable}: no qualified nurse can take any start in the windows. */
public record VisitUnschedulable(UUID consultationId, @OperatorVisible UUID visitId, @OperatorVisible int sequence,
                                 @OperatorVisible String reason, @OperatorVisible Instant at)
        implements ConsultationEvent {
}
