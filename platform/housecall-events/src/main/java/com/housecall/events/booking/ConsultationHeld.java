package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code consultation.held}: the consultation entered SAFETY_HOLD, by any path, once per entry. Notification sends the
 * crisis message on it to every consented channel, whatever the hour; visits the hold cancels send no cancellation
 * text of their own. {@code reason}: {@link HoldReason#CRISIS_INTAKE} (the intake's screening) or {@link #CRISIS_PHQ9}
 * (a fresh PHQ-9); {@code previousStatus} the status it left.
 */
public record ConsultationHeld(UUID consultationId, @OperatorVisible HoldReason reason,
                               @OperatorVisible String previousStatus, @OperatorVisible Instant heldAt)
        implements ConsultationEvent {
}
