package com.housecall.notification.message;

import com.housecall.notification.contact.Channel;
import com.housecall.notification.contact.Contact;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages to the patient, once per occasion and type, and their notifications, one per channel. Every write
 * runs in the inbox transaction of the event that caused it, so a redelivered event changes nothing.
 */
@Repository
class Messages {

    /** A message to record; the visit fields are null for messages about the consultation itself. */
    record NewMessage(UUID consultationId, UUID occasionId, NotificationType type, @Nullable OffsetDateTime visitStart,
                      @Nullable String timeZone, @Nullable String nurseName) {
    }

    private record Pending(String id, String type) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Messages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the message unless one of that occasion and type exists; answers whether it is new. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean record(NewMessage message) {
        boolean exists = jdbc.sql("""
                        SELECT COUNT(*) FROM message WHERE consultation_id = ? AND occasion_id = ? AND type = ?""")
                .params(message.consultationId().toString(), message.occasionId().toString(), message.type().name())
                .query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        // a concurrent twin fails on message_once, rolls back, and is retried as a duplicate
        jdbc.sql("""
                        INSERT INTO message (id, consultation_id, occasion_id, type, visit_start, time_zone, nurse_name,
                                             created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), message.consultationId().toString(),
                        message.occasionId().toString(), message.type().name(),
                        message.visitStart() == null ? null : message.visitStart().toString(), message.timeZone(),
                        message.nurseName(), now())
                .update();
        return true;
    }

    /**
     * Turns the consultation's messages that have no notifications yet into one per channel the contact wants.
     * Messages already expanded are left alone: a later change of channels does not resend them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void expand(Contact contact) {
        List<Pending> pending = jdbc.sql("""
                        SELECT id, type FROM message WHERE consultation_id = ? AND expanded_at IS NULL
                        ORDER BY created_at""")
                .param(contact.consultationId().toString())
                .query(Pending.class).list();
        for (Pending message : pending) {
            for (Channel channel : Channel.values()) {
                if (contact.wantsRoutine(channel)) {
                    insertNotification(message, contact, channel);
                }
            }
            jdbc.sql("UPDATE message SET expanded_at = ? WHERE id = ?").params(now(), message.id()).update();
        }
    }

    private void insertNotification(Pending message, Contact contact, Channel channel) {
        String reason = contact.address(channel) == null ? "NO_ADDRESS"
                : channel == Channel.SMS ? "SMS_NOT_CONFIGURED"
                : null;
        NotificationStatus status = reason == null ? NotificationStatus.QUEUED : NotificationStatus.SUPPRESSED;
        jdbc.sql("""
                        INSERT INTO notification (id, message_id, consultation_id, type, channel, status, reason,
                                                  created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), message.id(), contact.consultationId().toString(),
                        message.type(), channel.name(), status.name(), reason, now())
                .update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
