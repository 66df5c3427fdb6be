package com.housecall.dispatch.record;

import com.housecall.events.dispatch.EscalationReason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An escalation as nurses and clinicians see it: its reason codes, how often it has been raised, when it is next
 * due (null once acknowledged) and who acknowledged it.
 */
public record EscalationState(UUID escalationId, UUID visitId, UUID consultationId, List<EscalationReason> reasons,
                              int sequence, Instant raisedAt, Instant lastRaisedAt, @Nullable Instant nextDueAt,
                              boolean acknowledged, @Nullable Instant acknowledgedAt,
                              @Nullable String acknowledgedBy) {
}
