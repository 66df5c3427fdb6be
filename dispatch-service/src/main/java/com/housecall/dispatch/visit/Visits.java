package com.housecall.dispatch.visit;

import com.housecall.dispatch.scheduling.Interval;
import com.housecall.events.TimeWindow;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.VisitRequested;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests, patient locations and booked visits. */
@Repository
class Visits {

    private final JdbcClient jdbc;

    Visits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a request once: a redelivery with the same visit id changes nothing. Returns whether it was new. */
    boolean addRequest(VisitRequested request) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM visit_request WHERE visit_id = ?").param(request.visitId())
                .query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO visit_request (visit_id, consultation_id, sequence, phase, state, zip_prefix, time_zone,
                                                   requested_at, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING')""")
                .params(request.visitId(), request.consultationId(), request.sequence(), request.phase(),
                        request.state(), request.zipPrefix(), request.timeZone(), utc(request.requestedAt()))
                .update();
        for (TimeWindow window : request.windows()) {
            jdbc.sql("INSERT INTO visit_request_window (visit_id, start_at, end_at) VALUES (?, ?, ?)")
                    .params(request.visitId(), window.start(), window.end()).update();
        }
        return true;
    }

    void saveLocation(LocationUpdated location) {
        int updated = jdbc.sql("""
                        UPDATE patient_location SET line1 = ?, city = ?, state = ?, postal_code = ?, time_zone = ?
                        WHERE consultation_id = ?""")
                .params(location.line1(), location.city(), location.state(), location.postalCode(),
                        location.timeZone(), location.consultationId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO patient_location (consultation_id, line1, city, state, postal_code, time_zone)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(location.consultationId(), location.line1(), location.city(), location.state(),
                            location.postalCode(), location.timeZone())
                    .update();
        }
    }

    boolean hasLocation(UUID consultationId) {
        return jdbc.sql("SELECT COUNT(*) FROM patient_location WHERE consultation_id = ?").param(consultationId)
                .query(Long.class).single() > 0;
    }

    List<PendingRequest> pending(UUID consultationId) {
        return jdbc.sql("""
                        SELECT visit_id, consultation_id, sequence, state, zip_prefix, time_zone, requested_at
                        FROM visit_request WHERE consultation_id = ? AND status = 'PENDING' ORDER BY sequence""")
                .param(consultationId)
                .query((rs, row) -> {
                    UUID visitId = rs.getObject("visit_id", UUID.class);
                    return new PendingRequest(visitId, rs.getObject("consultation_id", UUID.class),
                            rs.getInt("sequence"), windows(visitId), rs.getString("state"), rs.getString("zip_prefix"),
                            ZoneId.of(rs.getString("time_zone")),
                            rs.getObject("requested_at", OffsetDateTime.class).toInstant());
                })
                .list();
    }

    private List<Interval> windows(UUID visitId) {
        return jdbc.sql("SELECT start_at, end_at FROM visit_request_window WHERE visit_id = ? ORDER BY start_at")
                .param(visitId)
                .query((rs, row) -> new Interval(rs.getObject("start_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("end_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    void markRequest(UUID visitId, String status) {
        jdbc.sql("UPDATE visit_request SET status = ? WHERE visit_id = ?").params(status, visitId).update();
    }

    /** Books the visit once per visit id; returns false when it already exists. */
    boolean book(PendingRequest request, UUID nurseId, Instant start, Instant end) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM visit WHERE visit_id = ?").param(request.visitId())
                .query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO visit (visit_id, consultation_id, sequence, nurse_id, start_at, end_at, time_zone, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.visitId(), request.consultationId(), request.sequence(), nurseId, utc(start), utc(end),
                        request.timeZone().getId(), VisitStatus.SCHEDULED.name())
                .update();
        return true;
    }

    long countVisits(UUID visitId) {
        return jdbc.sql("SELECT COUNT(*) FROM visit WHERE visit_id = ?").param(visitId).query(Long.class).single();
    }

    /** A nurse's visits with what they need to get there: the address is PHI and goes to that nurse only. */
    List<NurseVisit> ofNurse(UUID nurseId) {
        return jdbc.sql("""
                        SELECT v.visit_id, v.consultation_id, v.start_at, v.end_at, v.time_zone, v.status,
                               l.line1, l.city, l.state, l.postal_code
                        FROM visit v LEFT JOIN patient_location l ON l.consultation_id = v.consultation_id
                        WHERE v.nurse_id = ? ORDER BY v.start_at""")
                .param(nurseId)
                .query((rs, row) -> {
                    ZoneId zone = ZoneId.of(rs.getString("time_zone"));
                    return new NurseVisit(rs.getObject("visit_id", UUID.class),
                            rs.getObject("consultation_id", UUID.class),
                            local(rs.getObject("start_at", OffsetDateTime.class), zone),
                            local(rs.getObject("end_at", OffsetDateTime.class), zone), zone.getId(),
                            rs.getString("status"),
                            rs.getString("line1") == null ? null : new NurseVisit.Address(rs.getString("line1"),
                                    rs.getString("city"), rs.getString("state"), rs.getString("postal_code")));
                })
                .list();
    }

    private static OffsetDateTime local(OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
