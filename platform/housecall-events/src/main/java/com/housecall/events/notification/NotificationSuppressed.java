package com.housecall.events.notification;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code notification.suppressed}: a message was deliberately not sent on a channel, e.g. {@code OPTED_OUT} (the
 * number replied STOP), {@code NO_ADDRESS}, {@code SMS_NOT_CONFIGURED}, {@code VISIT_CANCELLED}, {@code TOO_LATE}.
 */
public record NotificationSuppressed(UUID consultationId, @OperatorVisible UUID notificationId,
                                     @OperatorVisible String channel, @OperatorVisible String type,
                                     @OperatorVisible String reason, @OperatorVisible Instant suppressedAt)
        implements ConsultationEvent {
}
