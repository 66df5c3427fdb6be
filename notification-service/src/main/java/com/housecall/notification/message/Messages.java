package com.housecall.notification.message;

import com.housecall.messaging.RecordRows;
import com.housecall.events.notification.NotificationSuppressed;
import com.housecall.messaging.EventTrace;
import com.housecall.messaging.EventTracing;
import com.housecall.messaging.OutboxWriter;
import com.housecall.notification.NotificationProperties;
import com.housecall.notification.contact.Channel;
import com.housecall.notification.contact.Contact;
import com.housecall.notification.sms.OptOuts;
import com.housecall.notification.sms.TwilioClient;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages, once per occasion and type, and their notifications, one per channel. Every write runs in the inbox
 * transaction of the event that caused it, so a redelivered event changes nothing.
 */
@Repository
class Messages {

    /**
     * A message to record. The visit fields are null for messages about the consultation itself.
     *
     * @param sendAt   not before (reminders); null: at once
     * @param actionAt the patient's own action this message answers, if any
     * @param detail   a code the text needs, e.g. a page's sequence
     * @param onlyChannel null: the channels the type's rule picks; else that one only
     */
    record NewMessage(UUID consultationId, UUID occasionId, NotificationType type, @Nullable UUID visitId,
                      @Nullable OffsetDateTime visitStart, @Nullable String timeZone, @Nullable String nurseName,
                      @Nullable Instant sendAt, @Nullable Instant actionAt, @Nullable String detail,
                      @Nullable Channel onlyChannel) {

        NewMessage(UUID consultationId, UUID occasionId, NotificationType type, @Nullable UUID visitId,
                   @Nullable OffsetDateTime visitStart, @Nullable String timeZone, @Nullable String nurseName,
                   @Nullable Instant sendAt, @Nullable Instant actionAt, @Nullable String detail) {
            this(consultationId, occasionId, type, visitId, visitStart, timeZone, nurseName, sendAt, actionAt, detail,
                    null);
        }

        NewMessage onlyOn(Channel channel) {
            return new NewMessage(consultationId, occasionId, type, visitId, visitStart, timeZone, nurseName, sendAt,
                    actionAt, detail, channel);
        }

        static NewMessage about(UUID consultationId, NotificationType type, @Nullable Instant actionAt) {
            return new NewMessage(consultationId, consultationId, type, null, null, null, null, null, actionAt, null);
        }
    }

    private record Pending(String id, String type, @Nullable OffsetDateTime sendAt,
                           @Nullable OffsetDateTime cancelledAt, @Nullable String onlyChannel) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OutboxWriter outbox;
    private final EventTracing tracing;
    private final OptOuts optOuts;
    private final TwilioClient sms;
    private final NotificationProperties properties;
    private final NotificationMetrics metrics;

    Messages(JdbcClient jdbc, Clock clock, OutboxWriter outbox, OptOuts optOuts, TwilioClient sms,
             NotificationProperties properties, EventTracing tracing, NotificationMetrics metrics) {
        this.tracing = tracing;
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.sms = sms;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** Records the message unless one of that occasion and type exists; answers its id when it is new. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<String> record(NewMessage message) {
        boolean exists = jdbc.sql("""
                        SELECT COUNT(*) FROM message WHERE consultation_id = ? AND occasion_id = ? AND type = ?""")
                .params(message.consultationId().toString(), message.occasionId().toString(), message.type().name())
                .query(Long.class).single() > 0;
        if (exists) {
            return Optional.empty();
        }
        // a concurrent twin fails on message_once, rolls back, and is retried as a duplicate
        String id = UUID.randomUUID().toString();
        EventTrace trace = tracing.capture();
        jdbc.sql("""
                        INSERT INTO message (id, consultation_id, occasion_id, type, visit_id, visit_start, time_zone,
                                             nurse_name, send_at, action_at, detail, only_channel, created_at,
                                             traceparent, tracestate, correlation_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, message.consultationId().toString(), message.occasionId().toString(),
                        message.type().name(), message.visitId() == null ? null : message.visitId().toString(),
                        message.visitStart() == null ? null : message.visitStart().toString(), message.timeZone(),
                        message.nurseName(), utc(message.sendAt()), utc(message.actionAt()), message.detail(),
                        message.onlyChannel() == null ? null : message.onlyChannel().name(), now(),
                        trace.traceparent(), trace.tracestate(), trace.correlationId())
                .update();
        return Optional.of(id);
    }

    /**
     * Turns the consultation's messages that have no notifications yet into one per channel: routine ones to each
     * preferred and consented channel, crisis ones to every consented channel. Messages already expanded are left
     * alone: a later change of channels does not resend them (the sender checks consent again before sending).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void expand(Contact contact) {
        List<Pending> pending = jdbc.sql("""
                        SELECT id, type, send_at, cancelled_at, only_channel FROM message
                        WHERE consultation_id = ? AND expanded_at IS NULL ORDER BY created_at""")
                .param(contact.consultationId().toString())
                .query(RecordRows.of(Pending.class)).list();
        for (Pending message : pending) {
            NotificationType type = NotificationType.valueOf(message.type());
            if (message.cancelledAt() == null && !type.onCall()) {
                for (Channel channel : Channel.values()) {
                    if (message.onlyChannel() != null && !message.onlyChannel().equals(channel.name())) {
                        continue;
                    }
                    if (type.crisis() ? contact.consented(channel) : contact.wantsRoutine(channel)) {
                        // the confirmation SMS goes at once; its email (the course email) when the course is settled
                        OffsetDateTime due = type == NotificationType.BOOKING_CONFIRMED && channel == Channel.SMS
                                ? null : message.sendAt();
                        insertNotification(message.id(), contact.consultationId(), type, channel, "PATIENT",
                                unsendable(contact, channel), due);
                    }
                }
            }
            markExpanded(message.id());
        }
    }

    /** Why a notification to {@code channel} cannot go at all (an SMS STOP wins over every choice), or null. */
    @Nullable String unsendable(Contact contact, Channel channel) {
        String address = contact.address(channel);
        return address == null || address.isBlank() ? "NO_ADDRESS"
                : channel == Channel.SMS && !sms.configured() ? "SMS_NOT_CONFIGURED"
                : channel == Channel.SMS && optOuts.optedOut(address.strip()) ? "OPTED_OUT"
                : null;
    }

    /** The on-call page of a safety alert: SMS and email to the on-call clinician of the settings, at once. */
    @Transactional(propagation = Propagation.MANDATORY)
    void expandPage(String messageId, UUID consultationId) {
        expandPage(messageId, consultationId, NotificationType.ON_CALL_PAGE);
    }

    /** An on-call page of {@code type} (a safety alert's, a visit escalation's): SMS and email, at once. */
    @Transactional(propagation = Propagation.MANDATORY)
    void expandPage(String messageId, UUID consultationId, NotificationType type) {
        NotificationProperties.OnCall onCall = properties.onCall();
        String phone = onCall.phone();
        String email = onCall.email();
        insertNotification(messageId, consultationId, type, Channel.SMS, "ON_CALL",
                phone == null || phone.isBlank() ? "NO_ADDRESS"
                        : !sms.configured() ? "SMS_NOT_CONFIGURED"
                        : optOuts.optedOut(phone.strip()) ? "OPTED_OUT" : null, null);
        insertNotification(messageId, consultationId, type, Channel.EMAIL, "ON_CALL",
                email == null || email.isBlank() ? "NO_ADDRESS" : null, null);
        markExpanded(messageId);
    }

    /** A visit moved: its pending reminder of {@code type} follows, or is dropped when it no longer applies. */
    @Transactional(propagation = Propagation.MANDATORY)
    void reschedule(UUID visitId, NotificationType type, OffsetDateTime start, String timeZone,
                    Optional<Instant> sendAt) {
        if (sendAt.isEmpty()) {
            cancel(visitId, List.of(type), "NOT_NEEDED");
            return;
        }
        List<String> ids = jdbc.sql("SELECT id FROM message WHERE visit_id = ? AND type = ? AND cancelled_at IS NULL")
                .params(visitId.toString(), type.name()).query(String.class).list();
        for (String id : ids) {
            jdbc.sql("UPDATE message SET visit_start = ?, time_zone = ?, send_at = ? WHERE id = ?")
                    .params(start.toString(), timeZone, utc(sendAt.get()), id).update();
            jdbc.sql("UPDATE notification SET due_at = ? WHERE message_id = ? AND status = 'QUEUED'")
                    .params(utc(sendAt.get()), id).update();
        }
    }

    boolean hasMessage(UUID visitId, NotificationType type) {
        return jdbc.sql("SELECT COUNT(*) FROM message WHERE visit_id = ? AND type = ? AND cancelled_at IS NULL")
                .params(visitId.toString(), type.name()).query(Long.class).single() > 0;
    }

    /** The visit is off: its pending messages of {@code types} never go; queued ones are suppressed. */
    @Transactional(propagation = Propagation.MANDATORY)
    void cancel(UUID visitId, List<NotificationType> types, String reason) {
        cancelWhere("visit_id", visitId, types, reason);
    }

    /** The consultation's pending messages of {@code types} no longer hold (a hold): queued ones are suppressed. */
    @Transactional(propagation = Propagation.MANDATORY)
    void cancelOfConsultation(UUID consultationId, List<NotificationType> types, String reason) {
        cancelWhere("consultation_id", consultationId, types, reason);
    }

    /** When the patient did what a message of {@code type} answers (e.g. asked for the consultation). */
    Optional<Instant> actionAt(UUID consultationId, NotificationType type) {
        return jdbc.sql("""
                        SELECT action_at FROM message WHERE consultation_id = ? AND type = ? AND action_at IS NOT NULL
                        ORDER BY created_at LIMIT 1""")
                .params(consultationId.toString(), type.name()).query(OffsetDateTime.class).optional()
                .map(OffsetDateTime::toInstant);
    }

    private void cancelWhere(String column, UUID key, List<NotificationType> types, String reason) {
        for (NotificationType type : types) {
            List<String> ids = jdbc.sql("SELECT id FROM message WHERE " + column
                            + " = ? AND type = ? AND cancelled_at IS NULL")
                    .params(key.toString(), type.name()).query(String.class).list();
            for (String id : ids) {
                jdbc.sql("UPDATE message SET cancelled_at = ? WHERE id = ?").params(now(), id).update();
                record Queued(String id, String consultationId, String channel) {
                }
                List<Queued> queued = jdbc.sql("""
                                SELECT id, consultation_id, channel FROM notification
                                WHERE message_id = ? AND status = 'QUEUED'""")
                        .param(id).query(RecordRows.of(Queued.class)).list();
                for (Queued notification : queued) {
                    jdbc.sql("UPDATE notification SET status = 'SUPPRESSED', reason = ? WHERE id = ? AND status = 'QUEUED'")
                            .params(reason, notification.id()).update();
                    outbox.append(new NotificationSuppressed(UUID.fromString(notification.consultationId()),
                            UUID.fromString(notification.id()), notification.channel(), type.name(), reason,
                            clock.instant()));
                    metrics.ended(notification.channel(), NotificationStatus.SUPPRESSED);
                }
            }
        }
    }

    void insertNotification(String messageId, UUID consultationId, NotificationType type, Channel channel,
                                    String recipient, @Nullable String reason, @Nullable OffsetDateTime dueAt) {
        NotificationStatus status = reason == null ? NotificationStatus.QUEUED : NotificationStatus.SUPPRESSED;
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO notification (id, message_id, consultation_id, type, channel, status, reason,
                                                  recipient, due_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.toString(), messageId, consultationId.toString(), type.name(), channel.name(),
                        status.name(), reason, recipient, dueAt, now())
                .update();
        if (reason != null) {
            outbox.append(new NotificationSuppressed(consultationId, id, channel.name(), type.name(), reason,
                    clock.instant()));
            metrics.ended(channel.name(), status);
        }
    }

    private void markExpanded(String messageId) {
        jdbc.sql("UPDATE message SET expanded_at = ? WHERE id = ?").params(now(), messageId).update();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
