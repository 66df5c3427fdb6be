package com.housecall.notification.message;

import com.housecall.messaging.EventTrace;
import com.housecall.notification.contact.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notifications as the sender and the operator API see them. */
@Repository
class Notifications {

    /** A due notification with what it needs to be checked and rendered. PHI: never logged. */
    record Outgoing(UUID id, UUID consultationId, NotificationType type, Channel channel, String recipient,
                    int attempts, @Nullable String visitId, @Nullable String visitStart, @Nullable String timeZone,
                    @Nullable String nurseName, @Nullable String detail, @Nullable Instant actionAt,
                    boolean messageCancelled, @Nullable String visitStatus, @Nullable String visitStartNow,
                    EventTrace trace) {
    }

    /** One row of {@code GET /api/notifications}. */
    record View(String channel, String type, String status, @Nullable String reason, @Nullable String providerId,
                Instant createdAt, @Nullable Instant sentAt) {
    }

    /** How soon a reminder that waits for its confirmation looks again. */
    private static final Duration CONFIRMATION_RECHECK = Duration.ofSeconds(1);

    /**
     * The {@link Outgoing} of each notification id given, oldest first. The ids are picked first, by a query on
     * {@code notification} alone: as a derived table joined here, H2 now and then planned the join from a scan of
     * every notification, re-running the pick for each row (half a core, idle, once the table held 50,000 rows).
     */
    private static final String OUTGOING = """
            SELECT n.id, n.consultation_id, n.type, n.channel, n.recipient, n.attempts, m.visit_id,
                   m.visit_start, m.time_zone, m.nurse_name, m.detail, m.action_at, m.cancelled_at,
                   v.status AS visit_status, v.start_at AS visit_start_now,
                   m.traceparent, m.tracestate, m.correlation_id
            FROM notification n
            JOIN message m ON m.id = n.message_id
            LEFT JOIN visit v ON v.visit_id = m.visit_id
            WHERE n.id IN (:ids)
            ORDER BY n.created_at, n.id""";

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queued notifications due at {@code now}, oldest first. Two index range reads (notification_due) rather than
     * {@code due_at IS NULL OR due_at <= ?}, which no index serves: that scanned every future reminder of every
     * course on each run of the sender (7,590 rows after 500 consultations).
     */
    List<Outgoing> due(Instant now, int limit) {
        return outgoing(jdbc.sql("""
                        SELECT id, created_at FROM notification WHERE status = 'QUEUED' AND due_at IS NULL
                        UNION ALL
                        SELECT id, created_at FROM notification WHERE status = 'QUEUED' AND due_at <= ?
                        ORDER BY created_at, id
                        LIMIT ?""")
                .params(now.atOffset(ZoneOffset.UTC), limit)
                .query((row, rowNum) -> row.getString("id")).list());
    }

    /**
     * Moves QUEUED to SENDING at {@code now} and counts the attempt; false when another sender got there first,
     * even one that has tried and queued it again since {@code attemptsSoFar} were read. Autocommits. The attempt
     * count names the claim: its outcome is written only while the row is still in it.
     */
    boolean claim(UUID id, int attemptsSoFar, Instant now) {
        return jdbc.sql("""
                        UPDATE notification SET status = 'SENDING', attempts = attempts + 1, claimed_at = ?
                        WHERE id = ? AND status = 'QUEUED' AND attempts = ?""")
                .params(now.atOffset(ZoneOffset.UTC), id.toString(), attemptsSoFar).update() == 1;
    }

    /**
     * Claims made before {@code claimedBefore}, or before claims had a time (V6): their sender died mid-send, as
     * no send outlasts the lease. {@code attempts} is the claim's own attempt.
     */
    List<Outgoing> abandoned(Instant claimedBefore, int limit) {
        return outgoing(jdbc.sql("""
                        SELECT id FROM notification
                        WHERE status = 'SENDING' AND (claimed_at IS NULL OR claimed_at <= ?)
                        ORDER BY created_at, id
                        LIMIT ?""")
                .params(claimedBefore.atOffset(ZoneOffset.UTC), limit)
                .query(String.class).list());
    }

    private List<Outgoing> outgoing(List<String> ids) {
        return ids.isEmpty() ? List.of()
                : jdbc.sql(OUTGOING).param("ids", ids).query(Notifications::outgoing).list();
    }

    /**
     * A reminder's confirmation on the same channel (the booking confirmation or course email, or this visit's own
     * scheduled or moved message) is not sent yet: when to look again (empty: it went, or failed for good). None
     * recorded yet counts as pending: it is on its way (the events come on different topics). Soon rather than at
     * the confirmation's due time, which may be brought forward (the course email once the course is settled).
     */
    Optional<Instant> confirmationPending(Outgoing reminder, Instant now) {
        List<String> statuses = jdbc.sql("""
                        SELECT n.status FROM notification n JOIN message m ON m.id = n.message_id
                        WHERE n.consultation_id = ? AND n.channel = ? AND n.recipient = 'PATIENT'
                          AND (n.type = 'BOOKING_CONFIRMED'
                               OR (n.type IN ('VISIT_SCHEDULED', 'VISIT_MOVED') AND m.visit_id = ?))""")
                .params(reminder.consultationId().toString(), reminder.channel().name(), reminder.visitId())
                .query(String.class).list();
        boolean pending = statuses.isEmpty() || statuses.contains("QUEUED") || statuses.contains("SENDING");
        return pending ? Optional.of(now.plus(CONFIRMATION_RECHECK)) : Optional.empty();
    }

    /** Not yet: quiet hours. */
    void defer(UUID id, Instant until) {
        jdbc.sql("UPDATE notification SET due_at = ? WHERE id = ? AND status = 'QUEUED'")
                .params(until.atOffset(ZoneOffset.UTC), id.toString()).update();
    }

    /** Attempt {@code attempt} failed: tried again at {@code at}. False when that claim was recovered meanwhile. */
    boolean retryAt(UUID id, int attempt, String reason, Instant at) {
        return jdbc.sql("""
                        UPDATE notification SET status = 'QUEUED', reason = ?, due_at = ?
                        WHERE id = ? AND status = 'SENDING' AND attempts = ?""")
                .params(reason, at.atOffset(ZoneOffset.UTC), id.toString(), attempt).update() == 1;
    }

    /** False when the claim of {@code attempt} was recovered meanwhile: its outcome is no longer this sender's. */
    boolean markSent(UUID id, int attempt, String providerId, Instant sentAt) {
        return jdbc.sql("""
                        UPDATE notification SET status = 'SENT', reason = NULL, provider_id = ?, sent_at = ?
                        WHERE id = ? AND status = 'SENDING' AND attempts = ?""")
                .params(providerId, sentAt.atOffset(ZoneOffset.UTC), id.toString(), attempt).update() == 1;
    }

    /** False when the claim of {@code attempt} was settled already (recovered, or by another recoverer). */
    boolean markFailed(UUID id, int attempt, String reason) {
        return jdbc.sql("""
                        UPDATE notification SET status = 'FAILED', reason = ?
                        WHERE id = ? AND status = 'SENDING' AND attempts = ?""")
                .params(reason, id.toString(), attempt).update() == 1;
    }

    /** From QUEUED only: true when this call suppressed it. */
    boolean markSuppressed(UUID id, String reason) {
        return jdbc.sql("UPDATE notification SET status = 'SUPPRESSED', reason = ? WHERE id = ? AND status = 'QUEUED'")
                .params(reason, id.toString()).update() == 1;
    }

    List<View> ofConsultation(UUID consultationId, int page, int size) {
        return jdbc.sql("""
                        SELECT channel, type, status, reason, provider_id, created_at, sent_at FROM notification
                        WHERE consultation_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?""")
                .params(consultationId.toString(), size, (long) page * size)
                .query(Notifications::view).list();
    }

    long countOfConsultation(UUID consultationId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE consultation_id = ?")
                .param(consultationId.toString()).query(Long.class).single();
    }

    private static Outgoing outgoing(ResultSet row, int rowNum) throws SQLException {
        return new Outgoing(UUID.fromString(row.getString("id")), UUID.fromString(row.getString("consultation_id")),
                NotificationType.valueOf(row.getString("type")), Channel.valueOf(row.getString("channel")),
                row.getString("recipient"), row.getInt("attempts"), row.getString("visit_id"),
                row.getString("visit_start"), row.getString("time_zone"), row.getString("nurse_name"),
                row.getString("detail"), instant(row, "action_at"), row.getObject("cancelled_at") != null,
                row.getString("visit_status"), row.getString("visit_start_now"), new EventTrace(
                row.getString("traceparent"), row.getString("tracestate"), row.getString("correlation_id")));
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
