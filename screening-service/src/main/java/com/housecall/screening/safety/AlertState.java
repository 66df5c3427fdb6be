package com.housecall.screening.safety;

import java.time.Instant;
import java.util.UUID;

/**
 * A safety alert as clinicians see it: how often it has been raised, when it is next due (null once
 * acknowledged), and who acknowledged it.
 */
public record AlertState(UUID consultationId, UUID alertId, int sequence, Instant raisedAt, Instant lastRaisedAt,
                         Instant nextDueAt, boolean acknowledged, Instant acknowledgedAt, String acknowledgedBy) {
}
