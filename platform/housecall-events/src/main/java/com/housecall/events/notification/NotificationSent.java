package com.housecall.events.notification;

import com.housecall.events.ConsultationEvent;
import java.time.Instant;
import java.util.UUID;

/** {@code notification.sent}: one message left for the provider; no address or text. */
public record NotificationSent(UUID consultationId, UUID notificationId, String channel, String type,
                               String providerId, Instant sentAt) implements ConsultationEvent {
}
