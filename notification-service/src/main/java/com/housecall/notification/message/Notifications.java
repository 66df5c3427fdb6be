package com.housecall.notification.message;

import com.housecall.notification.contact.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notifications as the sender and the operator API see them. */
@Repository
class Notifications {

    /** A queued email with what it needs to be rendered. PHI: never logged. */
    record Outgoing(UUID id, UUID consultationId, NotificationType type, Channel channel, String address,
                    String givenName, @Nullable String visitStart, @Nullable String timeZone,
                    @Nullable String nurseName, String contactTimeZone) {
    }

    /** One row of {@code GET /api/notifications}. */
    record View(String channel, String type, String status, @Nullable String reason, @Nullable String providerId,
                Instant createdAt, @Nullable Instant sentAt) {
    }

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queued notifications of {@code channel}, oldest first; a notification exists only once its contact does. */
    List<Outgoing> queued(Channel channel, int limit) {
        return jdbc.sql("""
                        SELECT n.id, n.consultation_id, n.type, n.channel, c.email, c.phone, c.given_name,
                               m.visit_start, m.time_zone, m.nurse_name, c.time_zone AS contact_time_zone
                        FROM notification n
                        JOIN message m ON m.id = n.message_id
                        JOIN contact c ON c.consultation_id = n.consultation_id
                        WHERE n.status = 'QUEUED' AND n.channel = ?
                        ORDER BY n.created_at, n.id
                        FETCH FIRST ? ROWS ONLY""")
                .params(channel.name(), limit)
                .query(Notifications::outgoing).list();
    }

    /** Moves QUEUED to SENDING; false when another sender got there first. Autocommits: the claim must stick. */
    boolean claim(UUID id) {
        return jdbc.sql("UPDATE notification SET status = 'SENDING' WHERE id = ? AND status = 'QUEUED'")
                .param(id.toString()).update() == 1;
    }

    void markSent(UUID id, String providerId, Instant sentAt) {
        jdbc.sql("UPDATE notification SET status = 'SENT', provider_id = ?, sent_at = ? WHERE id = ?")
                .params(providerId, sentAt.atOffset(ZoneOffset.UTC), id.toString()).update();
    }

    void markFailed(UUID id, String reason) {
        jdbc.sql("UPDATE notification SET status = 'FAILED', reason = ? WHERE id = ?")
                .params(reason, id.toString()).update();
    }

    List<View> ofConsultation(UUID consultationId, int page, int size) {
        return jdbc.sql("""
                        SELECT channel, type, status, reason, provider_id, created_at, sent_at FROM notification
                        WHERE consultation_id = ? ORDER BY created_at, id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY""")
                .params(consultationId.toString(), (long) page * size, size)
                .query(Notifications::view).list();
    }

    long countOfConsultation(UUID consultationId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE consultation_id = ?")
                .param(consultationId.toString()).query(Long.class).single();
    }

    private static Outgoing outgoing(ResultSet row, int rowNum) throws SQLException {
        Channel channel = Channel.valueOf(row.getString("channel"));
        return new Outgoing(UUID.fromString(row.getString("id")), UUID.fromString(row.getString("consultation_id")),
                NotificationType.valueOf(row.getString("type")), channel,
                row.getString(channel == Channel.EMAIL ? "email" : "phone"), row.getString("given_name"),
                row.getString("visit_start"), row.getString("time_zone"), row.getString("nurse_name"),
                row.getString("contact_time_zone"));
    }

    private static View view(ResultSet row, int rowNum) throws SQLException {
        return new View(row.getString("channel"), row.getString("type"),
                NotificationStatus.valueOf(row.getString("status")).shown(), row.getString("reason"),
                row.getString("provider_id"), instant(row, "created_at"), instant(row, "sent_at"));
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
