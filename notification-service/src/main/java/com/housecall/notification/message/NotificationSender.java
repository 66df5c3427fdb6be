package com.housecall.notification.message;

import com.housecall.events.notification.NotificationFailed;
import com.housecall.events.notification.NotificationSent;
import com.housecall.messaging.BatchPoller;
import com.housecall.messaging.OutboxWriter;
import com.housecall.notification.NotificationProperties;
import com.housecall.notification.contact.Channel;
import com.housecall.notification.email.EmailFailedException;
import com.housecall.notification.email.EmailSender;
import com.housecall.notification.email.EmailTemplates;
import com.housecall.notification.email.RenderedEmail;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued notifications on one scheduled thread. Each is claimed (QUEUED → SENDING) before the provider
 * call, and its outcome and event commit together afterwards, so it is sent at most once: a crash mid-send
 * leaves it SENDING rather than sending it again. Logs name notification ids and reason codes only.
 */
@Component
class NotificationSender extends BatchPoller {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final Notifications notifications;
    private final EmailTemplates templates;
    private final EmailSender email;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationSender(Notifications notifications, EmailTemplates templates, EmailSender email, OutboxWriter outbox,
                       TransactionTemplate transactions, NotificationProperties properties, Clock clock) {
        super("notification-sender", properties.sendInterval(), properties.sendBatchSize(), properties.senderEnabled());
        this.notifications = notifications;
        this.templates = templates;
        this.email = email;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends one batch of queued emails; answers how many were attempted. */
    int sendOnce() {
        List<Notifications.Outgoing> batch = notifications.queued(Channel.EMAIL, properties.sendBatchSize());
        int attempted = 0;
        for (Notifications.Outgoing notification : batch) {
            if (notifications.claim(notification.id())) {
                attempted++;
                send(notification);
            }
        }
        return attempted;
    }

    private void send(Notifications.Outgoing notification) {
        String providerId;
        try {
            providerId = email.send(notification.address(), render(notification), notification.id());
        } catch (EmailFailedException e) {
            failed(notification, e.reason());
            return;
        } catch (RuntimeException e) {
            failed(notification, "RENDER_FAILED");
            return;
        }
        Instant sentAt = clock.instant();
        transactions.executeWithoutResult(status -> {
            notifications.markSent(notification.id(), providerId, sentAt);
            outbox.append(new NotificationSent(notification.consultationId(), notification.id(),
                    notification.channel().name(), notification.type().name(), providerId, sentAt));
        });
        log.info("Notification {} sent", notification.id());
    }

    private RenderedEmail render(Notifications.Outgoing notification) {
        return switch (notification.type()) {
            case BOOKING_CONFIRMED -> templates.bookingConfirmed(notification.givenName(),
                    OffsetDateTime.parse(required(notification.visitStart())),
                    ZoneId.of(notification.timeZone() != null ? notification.timeZone() : notification.contactTimeZone()),
                    required(notification.nurseName()));
        };
    }

    private void failed(Notifications.Outgoing notification, String reason) {
        transactions.executeWithoutResult(status -> {
            notifications.markFailed(notification.id(), reason);
            outbox.append(new NotificationFailed(notification.consultationId(), notification.id(),
                    notification.channel().name(), notification.type().name(), reason, clock.instant()));
        });
        log.warn("Notification {} failed: {}", notification.id(), reason);
    }

    private static String required(@Nullable String value) {
        if (value == null) {
            throw new IllegalStateException("message lacks a template value");
        }
        return value;
    }

    @Override
    protected int runBatch() {
        return sendOnce();
    }
}
