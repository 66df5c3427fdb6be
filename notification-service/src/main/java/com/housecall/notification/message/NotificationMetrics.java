package com.housecall.notification.message;

import com.housecall.messaging.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code housecall_notifications_total{channel,status}} (CONTRACT.md section 13): each notification counted once,
 * when it reaches SENT, FAILED or SUPPRESSED and that commits. Channel and status only: no type, no recipient.
 */
@Component
class NotificationMetrics {

    private final MeterRegistry meters;

    NotificationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** {@code channel} as stored (EMAIL, SMS); call inside the transaction that records the outcome. */
    void ended(String channel, NotificationStatus status) {
        AfterCommit.run(() -> meters.counter("housecall.notifications", "channel", channel, "status", status.name())
                .increment());
    }
}
