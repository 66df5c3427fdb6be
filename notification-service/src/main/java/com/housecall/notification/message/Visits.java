package com.housecall.notification.message;

import com.housecall.messaging.RecordRows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The visits this service has heard of: to tell a move from a first schedule, and a visit that is off. */
@Repository
class Visits {

    /** {@code startAt} is null for a visit first heard of as unschedulable. */
    record Visit(String visitId, String consultationId, int sequence, @Nullable String startAt,
                 @Nullable String timeZone, @Nullable String nurseName, String status) {

        @Nullable OffsetDateTime start() {
            return startAt == null ? null : OffsetDateTime.parse(startAt);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Visits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Visit> find(UUID visitId) {
        return jdbc.sql("SELECT * FROM visit WHERE visit_id = ?").param(visitId.toString())
                .query(RecordRows.of(Visit.class)).optional();
    }

    List<Visit> ofConsultation(UUID consultationId) {
        return jdbc.sql("SELECT * FROM visit WHERE consultation_id = ? ORDER BY sequence").param(consultationId.toString())
                .query(RecordRows.of(Visit.class)).list();
    }

    void save(UUID visitId, UUID consultationId, int sequence, OffsetDateTime start, String timeZone,
              @Nullable String nurseName) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        UPDATE visit SET start_at = ?, time_zone = ?, nurse_name = COALESCE(?, nurse_name),
                               status = 'SCHEDULED', updated_at = ? WHERE visit_id = ?""")
                .params(start.toString(), timeZone, nurseName, now, visitId.toString()).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO visit (visit_id, consultation_id, sequence, start_at, time_zone, nurse_name,
                                               status, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, 'SCHEDULED', ?)""")
                    .params(visitId.toString(), consultationId.toString(), sequence, start.toString(), timeZone,
                            nurseName, now).update();
        }
    }

    /**
     * The visit has no nurse ({@code UNSCHEDULABLE}) or is off ({@code CANCELLED}): recorded even when it was never
     * booked here. The course email lists an unschedulable one; a cancelled one stays off when its booking, on
     * another topic, comes later.
     */
    void mark(UUID visitId, UUID consultationId, int sequence, String status) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        if (jdbc.sql("UPDATE visit SET status = ?, updated_at = ? WHERE visit_id = ?")
                .params(status, now, visitId.toString()).update() == 0) {
            jdbc.sql("""
                            INSERT INTO visit (visit_id, consultation_id, sequence, status, updated_at)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(visitId.toString(), consultationId.toString(), sequence, status, now).update();
        }
    }

    void setStatus(UUID visitId, String status) {
        jdbc.sql("UPDATE visit SET status = ?, updated_at = ? WHERE visit_id = ?")
                .params(status, clock.instant().atOffset(ZoneOffset.UTC), visitId.toString()).update();
    }
}
