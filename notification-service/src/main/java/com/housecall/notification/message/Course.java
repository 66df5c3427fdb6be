package com.housecall.notification.message;

import com.housecall.messaging.RecordRows;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The course email (DECISIONS 9): the EMAIL notification of a consultation's BOOKING_CONFIRMED message waits until
 * visits 2..N are all settled (booked or unschedulable) or until {@code course-email-wait} after the confirmation,
 * whichever comes first; its {@code send_at} is that moment. Until then the course is open: first bookings of
 * visits 2..N send nothing of their own, the course email lists them.
 */
@Repository
class Course {

    private record Confirmation(String id, @Nullable String detail, @Nullable OffsetDateTime sendAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Course(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True until the course email is due; also before booking.confirmed is heard of (it comes first). */
    boolean open(UUID consultationId) {
        return confirmation(consultationId).map(this::open).orElse(true);
    }

    /** Whether booking.confirmed was heard of: before it, visit 1 becoming unschedulable is booking.unfulfilled's to tell. */
    boolean confirmed(UUID consultationId) {
        return confirmation(consultationId).isPresent();
    }

    /** The course email is due now when every visit 2..N is known as booked or unschedulable. */
    void settleIfComplete(UUID consultationId) {
        Optional<Confirmation> confirmation = confirmation(consultationId);
        if (confirmation.isEmpty() || !open(confirmation.get())) {
            return;
        }
        int visits = courseVisits(confirmation.get().detail());
        long settled = visits <= 1 ? 0 : jdbc.sql("""
                        SELECT COUNT(DISTINCT sequence) FROM visit
                        WHERE consultation_id = ? AND sequence BETWEEN 2 AND ?""")
                .params(consultationId.toString(), visits).query(Long.class).single();
        if (settled >= visits - 1) {
            OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
            jdbc.sql("UPDATE message SET send_at = ? WHERE id = ?").params(now, confirmation.get().id()).update();
            jdbc.sql("UPDATE notification SET due_at = ? WHERE message_id = ? AND channel = 'EMAIL' AND status = 'QUEUED'")
                    .params(now, confirmation.get().id()).update();
        }
    }

    /** When the course email goes at the latest. */
    static OffsetDateTime deadline(Clock clock, Duration wait) {
        return clock.instant().plus(wait).atOffset(ZoneOffset.UTC);
    }

    static int courseVisits(@Nullable String detail) {
        try {
            return detail == null ? 1 : Integer.parseInt(detail);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private boolean open(Confirmation confirmation) {
        return confirmation.sendAt() != null && confirmation.sendAt().toInstant().isAfter(clock.instant());
    }

    private Optional<Confirmation> confirmation(UUID consultationId) {
        return jdbc.sql("""
                        SELECT id, detail, send_at FROM message WHERE consultation_id = ? AND type = 'BOOKING_CONFIRMED'
                        ORDER BY created_at LIMIT 1""")
                .param(consultationId.toString()).query(RecordRows.of(Confirmation.class)).optional();
    }
}
