package com.housecall.notification.message;

import com.housecall.messaging.BatchPoller;
import com.housecall.notification.NotificationProperties;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Settles claims whose sender died between the provider call and its outcome (a kill -9): a SENDING row claimed
 * longer ago than {@code housecall.notification.send-lease}, which outlasts any one send, whichever instance claimed
 * it. A claim still in its lease is never touched: it may be a live sender's. Each is settled in a transaction of its
 * own, only if still in that claim, so two instances, or two runs, settle it once ({@link SendOutcomes#abandoned}).
 */
@Component
class AbandonedSends extends BatchPoller {

    private static final Logger log = LoggerFactory.getLogger(AbandonedSends.class);

    private final Notifications notifications;
    private final SendOutcomes outcomes;
    private final NotificationProperties properties;
    private final Clock clock;

    AbandonedSends(Notifications notifications, SendOutcomes outcomes, NotificationProperties properties, Clock clock) {
        // as often as the sender looks, and only where it runs: a cheap read of the few SENDING rows
        super("notification-abandoned-sends", properties.sendInterval(), properties.sendBatchSize(),
                properties.senderEnabled());
        this.notifications = notifications;
        this.outcomes = outcomes;
        this.properties = properties;
        this.clock = clock;
    }

    /** Settles one batch of abandoned claims; answers how many it found. */
    int recover() {
        List<Notifications.Outgoing> abandoned = notifications.abandoned(
                clock.instant().minus(properties.sendLease()), properties.sendBatchSize());
        for (Notifications.Outgoing notification : abandoned) {
            log.warn("Notification {} attempt {} abandoned mid-send: outcome unknown", notification.id(),
                    notification.attempts());
            outcomes.abandoned(notification);
        }
        return abandoned.size();
    }

    @Override
    protected int runBatch() {
        return recover();
    }
}
