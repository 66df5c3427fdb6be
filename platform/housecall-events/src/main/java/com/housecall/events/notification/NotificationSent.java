package com.housecall.events.notification;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/** {@code notification.sent}: one message left for the provider; no address or text. */
public record NotificationSent(UUID consultationId, @OperatorVisible UUID notificationId,
                               @OperatorVisible String channel, @OperatorVisible String type,
                               @OperatorVisible String providerId, @OperatorVisible Instant sentAt)
        implements ConsultationEvent {
}
