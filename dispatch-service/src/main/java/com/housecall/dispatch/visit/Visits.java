package com.housecall.dispatch.visit;

import com.housecall.dispatch.scheduling.Interval;
import com.housecall.events.TimeWindow;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.VisitRequested;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests, patient locations and booked visits. */
@Repository
class Visits {

    /** No EN_ROUTE this long before the start: the late-nurse timer re-dispatches (CLINICAL-RULES.md section 3). */
    static final Duration LATE_NURSE_NOTICE = Duration.ofMinutes(30);

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
                .params(request.visitId(), request.consultationId(), request.sequence(),
                        request.phase() == null ? null : request.phase().name(),
                        request.state(), request.zipPrefix(), request.timeZone(), utc(request.requestedAt()))
                .update();
        for (TimeWindow window : request.windows()) {
            jdbc.sql("INSERT INTO visit_request_window (visit_id, start_at, end_at) VALUES (?, ?, ?)")
                    .params(request.visitId(), window.start(), window.end()).update();
        }
        return true;
    }

    /** The latest address wins; first name and phone are kept when a later update comes without them. */
    void saveLocation(LocationUpdated location) {
        int updated = jdbc.sql("""
                        UPDATE patient_location SET line1 = ?, city = ?, state = ?, postal_code = ?, time_zone = ?,
                               first_name = COALESCE(?, first_name), phone = COALESCE(?, phone)
                        WHERE consultation_id = ?""")
                .params(location.line1(), location.city(), location.state(), location.postalCode(),
                        location.timeZone(), location.firstName(), location.phone(), location.consultationId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO patient_location (consultation_id, line1, city, state, postal_code, time_zone,
                                                          first_name, phone)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(location.consultationId(), location.line1(), location.city(), location.state(),
                            location.postalCode(), location.timeZone(), location.firstName(), location.phone())
                    .update();
        }
    }

    /** A visit or consultation booking cancelled, so a request for it that comes later is not booked. */
    void rememberCancelled(UUID visitOrConsultationId, Instant at) {
        jdbc.sql("INSERT INTO booking_cancellation (cancelled_id, cancelled_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(visitOrConsultationId, utc(at)).update();
    }

    boolean cancelledByBooking(UUID consultationId, UUID visitId) {
        return jdbc.sql("SELECT COUNT(*) FROM booking_cancellation WHERE cancelled_id IN (?, ?)")
                .params(consultationId, visitId).query(Long.class).single() > 0;
    }

    List<PendingRequest> pending(UUID consultationId) {
        return jdbc.sql("""
                        SELECT visit_id, consultation_id, sequence, state, zip_prefix, time_zone, requested_at
                        FROM visit_request WHERE consultation_id = ? AND status = 'PENDING' ORDER BY sequence""")
                .param(consultationId)
                .query(this::toRequest)
                .list();
    }

    /** What booking asked for this visit, whatever became of it. */
    PendingRequest request(UUID visitId) {
        return jdbc.sql("""
                        SELECT visit_id, consultation_id, sequence, state, zip_prefix, time_zone, requested_at
                        FROM visit_request WHERE visit_id = ?""")
                .param(visitId)
                .query(this::toRequest)
                .single();
    }

    private PendingRequest toRequest(ResultSet rs, int row) throws SQLException {
        UUID visitId = rs.getObject("visit_id", UUID.class);
        return new PendingRequest(visitId, rs.getObject("consultation_id", UUID.class), rs.getInt("sequence"),
                windows(visitId), rs.getString("state"), rs.getString("zip_prefix"), ZoneId.of(rs.getString("time_zone")),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant());
    }

    private List<Interval> windows(UUID visitId) {
        return jdbc.sql("SELECT start_at, end_at FROM visit_request_window WHERE visit_id = ? ORDER BY start_at")
                .param(visitId)
                .query((rs, row) -> new Interval(rs.getObject("start_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("end_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Where booking's request stands: PENDING, SCHEDULED, UNSCHEDULABLE or CANCELLED; empty if never heard of. */
    Optional<String> requestStatus(UUID visitId) {
        return jdbc.sql("SELECT status FROM visit_request WHERE visit_id = ?").param(visitId).query(String.class)
                .optional();
    }

    /** The windows (and the moment) of booking's latest request for the visit: a reschedule that found a nurse. */
    void replaceWindows(UUID visitId, List<Interval> windows, Instant requestedAt) {
        jdbc.sql("DELETE FROM visit_request_window WHERE visit_id = ?").param(visitId).update();
        for (Interval window : windows) {
            jdbc.sql("INSERT INTO visit_request_window (visit_id, start_at, end_at) VALUES (?, ?, ?)")
                    .params(visitId, utc(window.start()), utc(window.end())).update();
        }
        jdbc.sql("UPDATE visit_request SET requested_at = ? WHERE visit_id = ?").params(utc(requestedAt), visitId)
                .update();
    }

    void markRequest(UUID visitId, String status) {
        jdbc.sql("UPDATE visit_request SET status = ? WHERE visit_id = ?").params(status, visitId).update();
    }

    /** Books the visit once per visit id; returns false when it already exists. */
    boolean book(PendingRequest request, UUID nurseId, Instant start, Instant end, Instant now) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM visit WHERE visit_id = ?").param(request.visitId())
                .query(Long.class).single() > 0;
        if (known) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO visit (visit_id, consultation_id, sequence, nurse_id, start_at, end_at, time_zone, status,
                                           assigned_at, late_at, status_changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.visitId(), request.consultationId(), request.sequence(), nurseId, utc(start), utc(end),
                        request.timeZone().getId(), VisitStatus.SCHEDULED.name(), utc(now), utc(lateAt(start)), utc(now))
                .update();
        return true;
    }

    /** The moment the late-nurse timer looks for EN_ROUTE. */
    static Instant lateAt(Instant start) {
        return start.minus(LATE_NURSE_NOTICE);
    }

    /** Locks the visit's row until the transaction ends: one status move, decline or cancel at a time. */
    Optional<BookedVisit> lock(UUID visitId) {
        return jdbc.sql("""
                        SELECT visit_id, consultation_id, sequence, nurse_id, start_at, end_at, status, assigned_at, late_at,
                               status_changed_at, time_zone
                        FROM visit WHERE visit_id = ? FOR UPDATE""")
                .param(visitId)
                .query((rs, row) -> new BookedVisit(rs.getObject("visit_id", UUID.class),
                        rs.getObject("consultation_id", UUID.class), rs.getInt("sequence"),
                        rs.getObject("nurse_id", UUID.class), instant(rs.getObject("start_at", OffsetDateTime.class)),
                        instant(rs.getObject("end_at", OffsetDateTime.class)), VisitStatus.valueOf(rs.getString("status")),
                        instant(rs.getObject("assigned_at", OffsetDateTime.class)),
                        instant(rs.getObject("late_at", OffsetDateTime.class)),
                        instant(rs.getObject("status_changed_at", OffsetDateTime.class)),
                        ZoneId.of(rs.getString("time_zone"))))
                .optional();
    }

    /** The arrival is kept: the visit record's entries may not be timed before it. */
    void setStatus(UUID visitId, VisitStatus status, Instant now) {
        jdbc.sql("""
                        UPDATE visit SET status = ?, status_changed_at = ?,
                               arrived_at = CASE WHEN ? = 'ARRIVED' THEN ? ELSE arrived_at END
                        WHERE visit_id = ?""")
                .params(status.name(), utc(now), status.name(), utc(now), visitId).update();
    }

    /** The visit goes to another nurse, maybe at another time: the same row, so the same visit id. */
    void reassign(UUID visitId, UUID nurseId, Instant start, Instant end, Instant now) {
        jdbc.sql("""
                        UPDATE visit SET nurse_id = ?, start_at = ?, end_at = ?, status = ?, assigned_at = ?, late_at = ?,
                                         status_changed_at = ?
                        WHERE visit_id = ?""")
                .params(nurseId, utc(start), utc(end), VisitStatus.SCHEDULED.name(), utc(now), utc(lateAt(start)),
                        utc(now), visitId)
                .update();
    }

    /** The nurse gives the visit up for good (declined, or late); {@code note} is the nurse's free text (PHI). */
    void release(UUID visitId, UUID nurseId, String reason, @Nullable String note, Instant now) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM visit_release WHERE visit_id = ? AND nurse_id = ?")
                .params(visitId, nurseId).query(Long.class).single() > 0;
        if (!known) {
            jdbc.sql("INSERT INTO visit_release (visit_id, nurse_id, reason, note, released_at) VALUES (?, ?, ?, ?, ?)")
                    .params(visitId, nurseId, reason, note, utc(now)).update();
        }
    }

    Set<UUID> releasedBy(UUID visitId) {
        return new HashSet<>(jdbc.sql("SELECT nurse_id FROM visit_release WHERE visit_id = ?").param(visitId)
                .query(UUID.class).list());
    }

    /** Visits whose nurse is not on the way 30 minutes before the start, oldest first. */
    List<UUID> late(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT visit_id FROM visit
                        WHERE status = 'SCHEDULED' AND late_at <= ? AND assigned_at < late_at
                        ORDER BY late_at LIMIT ?""")
                .params(utc(now), limit)
                .query(UUID.class).list();
    }

    /** The nurse's visits not started yet (SCHEDULED) and starting after {@code now}, earliest first. */
    List<UUID> comingOf(UUID nurseId, Instant now) {
        return jdbc.sql("SELECT visit_id FROM visit WHERE nurse_id = ? AND status = 'SCHEDULED' AND start_at > ? "
                        + "ORDER BY start_at").params(nurseId, utc(now)).query(UUID.class).list();
    }

    List<UUID> visitsOf(UUID consultationId) {
        return jdbc.sql("SELECT visit_id FROM visit WHERE consultation_id = ?").param(consultationId)
                .query(UUID.class).list();
    }

    /** A request not dispatched yet (or nobody could take) is never dispatched, re-planned or moved once cancelled. */
    void cancelRequest(UUID visitId) {
        jdbc.sql("UPDATE visit_request SET status = 'CANCELLED' WHERE visit_id = ? AND status IN ('PENDING', 'UNSCHEDULABLE')")
                .param(visitId).update();
    }

    void cancelPendingRequests(UUID consultationId) {
        jdbc.sql("UPDATE visit_request SET status = 'CANCELLED' WHERE consultation_id = ? "
                        + "AND status IN ('PENDING', 'UNSCHEDULABLE')")
                .param(consultationId).update();
    }

    long countVisits(UUID visitId) {
        return jdbc.sql("SELECT COUNT(*) FROM visit WHERE visit_id = ?").param(visitId).query(Long.class).single();
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
