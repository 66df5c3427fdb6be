package com.housecall.events.dispatch;

import com.housecall.events.ConsultationEvent;
import java.time.Instant;
import java.util.UUID;

/** {@code visit.unschedulable}: no qualified nurse can take any start in the windows. */
public record VisitUnschedulable(UUID consultationId, UUID visitId, int sequence, String reason, Instant at) implements ConsultationEvent {
}
