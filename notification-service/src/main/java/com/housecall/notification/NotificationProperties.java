package com.housecall.notification;

import com.housecall.notification.schedule.QuietHours;
import java.time.Duration;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification-service.
 *
 * @param from                 the sender of every email, e.g. {@code Housecall <care@housecall.example>}
 * @param senderEnabled        off only in tests that look at queued notifications
 * @param sendInterval         how often the sender looks for due notifications
 * @param sendBatchSize        notifications sent per look
 * @param maxAttempts          provider failures are retried up to this many attempts in all
 * @param retryBackoff         the wait after the first failure; doubled after each further one
 * @param sendLease            a claim (SENDING) older than this was abandoned by a sender that died mid-send;
 *                             longer than one send can take (README: why 60 s)
 * @param supportContact       what HELP and the messages name as the support contact
 * @param aftercareNoDriving   no driving after a visit for this long (at least 4 h)
 * @param courseEmailWait      the course email goes when visits 2..N are all settled, or this long after the
 *                             confirmation, whichever comes first
 * @param quietHours           when scheduled messages wait, in the patient's local time
 * @param onCall               the on-call clinician paged for each safety alert
 */
@ConfigurationProperties("housecall.notification")
public record NotificationProperties(
        @DefaultValue("Housecall <care@housecall.example>") String from,
        @DefaultValue("true") boolean senderEnabled,
        @DefaultValue("500ms") Duration sendInterval,
        @DefaultValue("20") int sendBatchSize,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("30s") Duration retryBackoff,
        @DefaultValue("60s") Duration sendLease,
        @DefaultValue("1-800-555-0100") String supportContact,
        @DefaultValue("6h") Duration aftercareNoDriving,
        @DefaultValue("2m") Duration courseEmailWait,
        @DefaultValue Quiet quietHours,
        @DefaultValue OnCall onCall) {

    public NotificationProperties {
        if (aftercareNoDriving.compareTo(Duration.ofHours(4)) < 0) {
            throw new IllegalArgumentException("housecall.notification.aftercare-no-driving must be at least 4h");
        }
        if (!sendLease.isPositive()) {
            throw new IllegalArgumentException("housecall.notification.send-lease must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("housecall.notification.max-attempts must be at least 1");
        }
    }

    /**
     * @param fromHour  quiet from this hour (0-23), patient time
     * @param untilHour until this hour; equal to {@code fromHour}: no quiet hours
     */
    public record Quiet(@DefaultValue("21") int fromHour, @DefaultValue("8") int untilHour) {

        public QuietHours rules() {
            return new QuietHours(LocalTime.of(fromHour, 0), LocalTime.of(untilHour, 0));
        }
    }

    /**
     * @param phone the on-call clinician's SMS number
     * @param email and email address; a page links to the case on {@code housecall.web.base-url} (DECISIONS 5)
     */
    public record OnCall(@Nullable String phone, @Nullable String email) {
    }
}
