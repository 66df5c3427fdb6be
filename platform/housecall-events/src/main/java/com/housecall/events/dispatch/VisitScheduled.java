package com.housecall.events.dispatch;

import com.housecall.events.ConsultationEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code visit.scheduled}: a nurse and a start; sent again with the same visitId when a visit moves. */
public record VisitScheduled(UUID consultationId, UUID visitId, int sequence, UUID nurseId, String nurseDisplayName,
                             OffsetDateTime start, OffsetDateTime end, String timeZone) implements ConsultationEvent {
}
