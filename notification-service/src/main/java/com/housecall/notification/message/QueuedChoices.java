package com.housecall.notification.message;

import com.housecall.messaging.RecordRows;
import com.housecall.notification.contact.Channel;
import com.housecall.notification.contact.Contact;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient changed channels or consents ({@code PUT /api/consultations/{id}/contact}, DECISIONS 37): each
 * message still queued on some channel is queued on a newly chosen one too, at the same time. A channel no longer
 * chosen is left to the sender, which checks the choice again before each send and suppresses it (NOT_CONSENTED);
 * an SMS STOP still wins (OPTED_OUT), whatever the patient chose here.
 */
@Repository
class QueuedChoices {

    /** A patient's message still waiting on some channel, and when it is due there. */
    record Waiting(String messageId, String type, @Nullable String onlyChannel, @Nullable OffsetDateTime dueAt) {
    }

    private final JdbcClient jdbc;
    private final Messages messages;

    QueuedChoices(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void follow(Contact contact) {
        List<Waiting> waiting = jdbc.sql("""
                        SELECT m.id AS message_id, m.type, m.only_channel, MIN(n.due_at) AS due_at
                        FROM message m JOIN notification n ON n.message_id = m.id
                        WHERE m.consultation_id = ? AND m.cancelled_at IS NULL AND n.status = 'QUEUED'
                          AND n.recipient = 'PATIENT' GROUP BY m.id, m.type, m.only_channel""")
                .param(contact.consultationId().toString()).query(RecordRows.of(Waiting.class)).list();
        for (Waiting message : waiting) {
            NotificationType type = NotificationType.valueOf(message.type());
            for (Channel channel : Channel.values()) {
                boolean wanted = type.crisis() ? contact.consented(channel) : contact.wantsRoutine(channel);
                boolean allowed = message.onlyChannel() == null || message.onlyChannel().equals(channel.name());
                if (wanted && allowed && !exists(message.messageId(), channel)) {
                    messages.insertNotification(message.messageId(), contact.consultationId(), type, channel,
                            "PATIENT", messages.unsendable(contact, channel), message.dueAt());
                }
            }
        }
    }

    private boolean exists(String messageId, Channel channel) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE message_id = ? AND channel = ?")
                .params(messageId, channel.name()).query(Long.class).single() > 0;
    }
}
