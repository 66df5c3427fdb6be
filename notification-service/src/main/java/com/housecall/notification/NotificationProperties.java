package com.housecall.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification-service.
 *
 * @param from          the sender of every email, e.g. {@code Housecall <care@housecall.example>}
 * @param senderEnabled off only in tests that look at queued notifications
 * @param sendInterval  how often the sender looks for queued notifications
 * @param sendBatchSize notifications sent per look
 */
@ConfigurationProperties("housecall.notification")
public record NotificationProperties(
        @DefaultValue("Housecall <care@housecall.example>") String from,
        @DefaultValue("true") boolean senderEnabled,
        @DefaultValue("500ms") Duration sendInterval,
        @DefaultValue("20") int sendBatchSize) {
}
