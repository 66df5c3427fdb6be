package com.housecall.notification.message;

import com.housecall.events.notification.NotificationSuppressed;
import com.housecall.messaging.BatchPoller;
import com.housecall.messaging.EventTracing;
import com.housecall.messaging.OutboxWriter;
import com.housecall.notification.NotificationProperties;
import com.housecall.notification.WebProperties;
import com.housecall.notification.contact.Channel;
import com.housecall.notification.contact.Contact;
import com.housecall.notification.contact.Contacts;
import com.housecall.notification.email.EmailFailedException;
import com.housecall.notification.email.EmailSender;
import com.housecall.notification.email.EmailTemplates;
import com.housecall.notification.schedule.QuietHours;
import com.housecall.notification.schedule.Reminders;
import com.housecall.notification.sms.OptOuts;
import com.housecall.notification.sms.SmsFailedException;
import com.housecall.notification.sms.SmsTemplates;
import com.housecall.notification.sms.TwilioClient;
import io.micrometer.tracing.Span;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due notifications on one scheduled thread. Before sending it checks again what may have changed since the
 * notification was queued (consent, opt-out, a cancelled visit, quiet hours). Each is claimed (QUEUED → SENDING, with
 * its time) before the provider call, and its outcome and event commit together afterwards ({@link SendOutcomes}):
 * a crash mid-send leaves it SENDING, and once its lease is over {@link AbandonedSends} settles it as an unknown
 * outcome rather than sending a routine message twice. Logs name notification ids and reason codes only.
 */
@Component
class NotificationSender extends BatchPoller {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final QuietHours quietHours;
    private final Notifications notifications;
    private final Contacts contacts;
    private final OptOuts optOuts;
    private final EmailTemplates emailTemplates;
    private final SmsTemplates smsTemplates;
    private final EmailSender email;
    private final TwilioClient sms;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final WebProperties web;
    private final Visits visits;
    private final Clock clock;
    private final EventTracing tracing;
    private final NotificationMetrics metrics;
    private final SendOutcomes outcomes;

    NotificationSender(Notifications notifications, Contacts contacts, OptOuts optOuts, EmailTemplates emailTemplates,
                       SmsTemplates smsTemplates, EmailSender email, TwilioClient sms, OutboxWriter outbox,
                       TransactionTemplate transactions, NotificationProperties properties, WebProperties web,
                       Visits visits, QuietHours quietHours, Clock clock, EventTracing tracing,
                       NotificationMetrics metrics, SendOutcomes outcomes) {
        super("notification-sender", properties.sendInterval(), properties.sendBatchSize(), properties.senderEnabled());
        this.quietHours = quietHours;
        this.notifications = notifications;
        this.contacts = contacts;
        this.optOuts = optOuts;
        this.emailTemplates = emailTemplates;
        this.smsTemplates = smsTemplates;
        this.email = email;
        this.sms = sms;
        this.outbox = outbox;
        this.transactions = transactions;
        this.properties = properties;
        this.web = web;
        this.visits = visits;
        this.clock = clock;
        this.tracing = tracing;
        this.metrics = metrics;
        this.outcomes = outcomes;
    }

    /**
     * Handles one batch of due notifications; answers how many it looked at. Each is handled in a span of the trace
     * of the event that asked for it, so the provider call and the events it leads to stay in that trace.
     */
    int sendOnce() {
        List<Notifications.Outgoing> batch = notifications.due(clock.instant(), properties.sendBatchSize());
        for (Notifications.Outgoing notification : batch) {
            tracing.continueTrace(notification.trace(), "notify " + notification.type().name(), Span.Kind.CLIENT,
                    Map.of("housecall.notification.channel", notification.channel().name()), () -> {
                        handle(notification);
                        return null;
                    });
        }
        return batch.size();
    }

    private void handle(Notifications.Outgoing notification) {
        boolean onCall = "ON_CALL".equals(notification.recipient());
        Optional<Contact> contact = onCall ? Optional.empty() : contacts.find(notification.consultationId());
        if (!onCall && contact.isEmpty()) {
            suppress(notification, "NO_CONTACT");
            return;
        }
        Instant now = clock.instant();
        String unwanted = unwanted(notification, contact.orElse(null), now);
        if (unwanted != null) {
            suppress(notification, unwanted);
            return;
        }
        String address = onCall ? onCallAddress(notification.channel()) : contact.get().address(notification.channel());
        if (address == null || address.isBlank()) {
            suppress(notification, "NO_ADDRESS");
            return;
        }
        if (notification.channel() == Channel.SMS && optOuts.optedOut(address.strip())) {
            suppress(notification, "OPTED_OUT");
            return;
        }
        ZoneId zone = zone(notification, contact.orElse(null));
        Optional<Instant> hold = quietHours.holdUntil(now, zone, notification.type().anyHour(),
                notification.type().reply() ? Optional.ofNullable(notification.actionAt()) : Optional.empty());
        if (hold.isPresent()) {
            notifications.defer(notification.id(), hold.get());
            log.info("Notification {} held for quiet hours", notification.id());
            return;
        }
        if (notification.type().reminder()) {
            // never before the confirmation it reminds of, on this channel
            Optional<Instant> confirmation = notifications.confirmationPending(notification, now);
            if (confirmation.isPresent()) {
                notifications.defer(notification.id(), confirmation.get());
                return;
            }
        }
        if (!notifications.claim(notification.id(), notification.attempts(), clock.instant())) {
            return;
        }
        send(notification, address.strip(), contact.orElse(null), zone);
    }

    /** A reason not to send at all any more, or null. */
    private @Nullable String unwanted(Notifications.Outgoing notification, @Nullable Contact contact, Instant now) {
        NotificationType type = notification.type();
        if (contact != null && !(type.crisis() ? contact.consented(notification.channel())
                : contact.wantsRoutine(notification.channel()))) {
            return "NOT_CONSENTED";
        }
        if (notification.messageCancelled()) {
            return "VISIT_CANCELLED";
        }
        if (type.reminder()) {
            if (!"SCHEDULED".equals(notification.visitStatus())) {
                return "VISIT_CANCELLED";
            }
            Instant start = OffsetDateTime.parse(notification.visitStartNow() != null ? notification.visitStartNow()
                    : required(notification.visitStart())).toInstant();
            Instant latest = type == NotificationType.FASTING_REMINDER ? Reminders.fastingCutoff(start) : start;
            if (!now.isBefore(latest)) {
                return "TOO_LATE";
            }
        }
        if (notification.channel() == Channel.SMS && !sms.configured()) {
            return "SMS_NOT_CONFIGURED";
        }
        return null;
    }

    private void send(Notifications.Outgoing notification, String address, @Nullable Contact contact, ZoneId zone) {
        int attempt = notification.attempts() + 1; // the claim counted it
        String providerId;
        try {
            Map<String, Object> variables = MessageContent.variables(notification, contact, zone, properties, web);
            if (notification.type() == NotificationType.BOOKING_CONFIRMED) {
                MessageContent.course(variables, notification, visits.ofConsultation(notification.consultationId()),
                        zone);
            }
            String template = notification.type().template();
            providerId = switch (notification.channel()) {
                case EMAIL -> email.send(address, emailTemplates.render(template, variables), notification.id());
                case SMS -> sms.send(address, smsTemplates.render(template, variables), notification.id());
            };
        } catch (EmailFailedException e) {
            outcomes.failed(notification, attempt, e.reason());
            return;
        } catch (SmsFailedException e) {
            outcomes.failed(notification, attempt, e.reason());
            return;
        } catch (RuntimeException e) {
            outcomes.failed(notification, attempt, "RENDER_FAILED");
            return;
        }
        outcomes.sent(notification, attempt, providerId);
    }

    private void suppress(Notifications.Outgoing notification, String reason) {
        transactions.executeWithoutResult(status -> {
            if (notifications.markSuppressed(notification.id(), reason)) {
                outbox.append(new NotificationSuppressed(notification.consultationId(), notification.id(),
                        notification.channel().name(), notification.type().name(), reason, clock.instant()));
                metrics.ended(notification.channel().name(), NotificationStatus.SUPPRESSED);
            }
        });
        log.info("Notification {} suppressed: {}", notification.id(), reason);
    }

    private @Nullable String onCallAddress(Channel channel) {
        return switch (channel) {
            case SMS -> properties.onCall().phone();
            case EMAIL -> properties.onCall().email();
        };
    }

    private static ZoneId zone(Notifications.Outgoing notification, @Nullable Contact contact) {
        if (notification.timeZone() != null) {
            return ZoneId.of(notification.timeZone());
        }
        return contact != null ? contact.timeZone() : ZoneOffset.UTC;
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
