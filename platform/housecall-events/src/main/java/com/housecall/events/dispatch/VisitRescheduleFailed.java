package com.housecall.events.dispatch;

import com.housecall.events.ConsultationEvent;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code visit.reschedule-failed}: no qualified nurse can take any start in the new windows of a reschedule. The
 * visit keeps its old nurse and time ({@code keptStart}, absent when it stays UNSCHEDULABLE); the patient is told.
 */
public record VisitRescheduleFailed(UUID consultationId, UUID visitId, int sequence, String reason,
                                    OffsetDateTime keptStart, String timeZone, Instant at) implements ConsultationEvent {
}
