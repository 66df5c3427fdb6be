package com.housecall.screening.safety;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A safety alert as clinicians see it: how often it has been raised, when it is next due (null once acknowledged
 * or withdrawn), who acknowledged it, and whether it was withdrawn because the consultation was cancelled.
 */
public record AlertState(UUID consultationId, UUID alertId, int sequence, Instant raisedAt, Instant lastRaisedAt,
                         Instant nextDueAt, boolean acknowledged, Instant acknowledgedAt, String acknowledgedBy,
                         boolean withdrawn, Instant withdrawnAt) {

    record Page(List<AlertState> items, int page, int size, long totalItems) {
    }
}
