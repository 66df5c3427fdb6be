package com.housecall.notification.message;

import com.housecall.messaging.AfterCommit;
import com.housecall.notification.contact.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumSet;
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
        // every pair at 0 from the start, so rates and dashboards see the first one
        for (Channel channel : Channel.values()) {
            for (NotificationStatus status : EnumSet.of(NotificationStatus.SENT, NotificationStatus.FAILED,
                    NotificationStatus.SUPPRESSED)) {
                counter(channel.name(), status);
            }
        }
    }

    /** {@code channel} as stored (EMAIL, SMS); call inside the transaction that records the outcome. */
    void ended(String channel, NotificationStatus status) {
        AfterCommit.run(() -> counter(channel, status).increment());
    }

    private Counter counter(String channel, NotificationStatus status) {
        return meters.counter("housecall.notifications", "channel", channel, "status", status.name());
    }
}
