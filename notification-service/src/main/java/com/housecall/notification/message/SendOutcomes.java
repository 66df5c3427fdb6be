package com.housecall.notification.message;

import com.housecall.events.notification.NotificationFailed;
import com.housecall.events.notification.NotificationSent;
import com.housecall.messaging.OutboxWriter;
import com.housecall.notification.NotificationProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What became of a claimed notification, written with its event in one transaction, and only while the row is still
 * in that claim (its attempt): a claim settled meanwhile (recovered after its lease) is not settled twice. A provider
 * that is unavailable is retried with backoff; an unknown outcome is not, except for crisis messages and pages
 * (CLINICAL-RULES.md section 4). Logs name notification ids and reason codes only.
 */
@Component
class SendOutcomes {

    private static final Logger log = LoggerFactory.getLogger(SendOutcomes.class);
    private static final Set<String> RETRYABLE = Set.of("PROVIDER_UNAVAILABLE", "SEND_FAILED");
    private static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

    private final Notifications notifications;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final Clock clock;
    private final NotificationMetrics metrics;

    SendOutcomes(Notifications notifications, OutboxWriter outbox, TransactionTemplate transactions,
                 NotificationProperties properties, Clock clock, NotificationMetrics metrics) {
        this.notifications = notifications;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The provider took attempt {@code attempt}: SENT with {@code notification.sent}. */
    void sent(Notifications.Outgoing notification, int attempt, String providerId) {
        Instant sentAt = clock.instant();
        boolean recorded = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!notifications.markSent(notification.id(), attempt, providerId, sentAt)) {
                return false;
            }
            outbox.append(new NotificationSent(notification.consultationId(), notification.id(),
                    notification.channel().name(), notification.type().name(), providerId, sentAt));
            metrics.ended(notification.channel().name(), NotificationStatus.SENT);
            return true;
        }));
        if (recorded) {
            log.info("Notification {} sent", notification.id());
        } else {
            // the lease is meant to outlast any send: a longer one is worth knowing of
            log.warn("Notification {} sent after its claim was recovered", notification.id());
        }
    }

    /** Attempt {@code attempt} failed: tried again after a backoff while it may be, else failed for good. */
    void failed(Notifications.Outgoing notification, int attempt, String reason) {
        Duration backoff = properties.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
        settle(notification, attempt, reason, backoff);
    }

    /**
     * The sender that claimed it died mid-send: whether it went is unknown. A crisis message or page goes again at
     * once (the lease was wait enough; at least once is right for a crisis); any other fails as OUTCOME_UNKNOWN.
     */
    void abandoned(Notifications.Outgoing notification) {
        settle(notification, notification.attempts(), OUTCOME_UNKNOWN, Duration.ZERO);
    }

    private void settle(Notifications.Outgoing notification, int attempt, String reason, Duration retryIn) {
        boolean retryable = RETRYABLE.contains(reason)
                || (OUTCOME_UNKNOWN.equals(reason) && notification.type().crisis());
        if (retryable && attempt < properties.maxAttempts()) {
            if (notifications.retryAt(notification.id(), attempt, reason, clock.instant().plus(retryIn))) {
                log.warn("Notification {} attempt {} failed: {}; retrying in {}", notification.id(), attempt, reason,
                        retryIn);
            }
            return;
        }
        boolean failed = Boolean.TRUE.equals(transactions.execute(status -> {
            if (!notifications.markFailed(notification.id(), attempt, reason)) {
                return false;
            }
            outbox.append(new NotificationFailed(notification.consultationId(), notification.id(),
                    notification.channel().name(), notification.type().name(), reason, clock.instant()));
            metrics.ended(notification.channel().name(), NotificationStatus.FAILED);
            return true;
        }));
        if (failed) {
            log.warn("Notification {} failed: {}", notification.id(), reason);
        }
    }
}
