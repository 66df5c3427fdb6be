package com.housecall.notification.message;

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

    record Visit(String visitId, String consultationId, int sequence, String startAt, String timeZone,
                 @Nullable String nurseName, String status) {

        OffsetDateTime start() {
            return OffsetDateTime.parse(startAt);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Visits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Visit> find(UUID visitId) {
        return jdbc.sql("SELECT * FROM visit WHERE visit_id = ?").param(visitId.toString()).query(Visit.class).optional();
    }

    List<Visit> ofConsultation(UUID consultationId) {
        return jdbc.sql("SELECT * FROM visit WHERE consultation_id = ?").param(consultationId.toString())
                .query(Visit.class).list();
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

    void setStatus(UUID visitId, String status) {
        jdbc.sql("UPDATE visit SET status = ?, updated_at = ? WHERE visit_id = ?")
                .params(status, clock.instant().atOffset(ZoneOffset.UTC), visitId.toString()).update();
    }
}
