package com.housecall.dispatch.visit;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A row of {@code visit}: who goes, when, and where the visit stands (since {@code statusChangedAt}); the patient's zone. */
record BookedVisit(UUID visitId, UUID consultationId, int sequence, UUID nurseId, Instant start, Instant end,
                   VisitStatus status, Instant assignedAt, Instant lateAt, Instant statusChangedAt, ZoneId zone) {

    /** The late-nurse timer's condition: still SCHEDULED at start - 30 min, for an assignment made before then. */
    boolean lateAt(Instant now) {
        return status == VisitStatus.SCHEDULED && !lateAt.isAfter(now) && assignedAt.isBefore(lateAt);
    }
}
