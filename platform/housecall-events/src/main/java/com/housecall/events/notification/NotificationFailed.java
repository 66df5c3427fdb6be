package com.housecall.events.notification;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/** {@code notification.failed}: the provider refused, or the outcome is unknown. */
public record NotificationFailed(UUID consultationId, @OperatorVisible UUID notificationId,
                                 @OperatorVisible String channel, @OperatorVisible String type,
                                 @OperatorVisible String reason, @OperatorVisible Instant failedAt)
        implements ConsultationEvent {
}
