package com.housecall.events.notification;

import com.housecall.events.ConsultationEvent;
import java.time.Instant;
import java.util.UUID;

/** {@code notification.failed}: the provider refused, or the outcome is unknown. */
public record NotificationFailed(UUID consultationId, UUID notificationId, String channel, String type,
                                 String reason, Instant failedAt) implements ConsultationEvent {
}
