package com.housecall.dispatch.visit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Operators' reads of visits (no PHI) and the audit of their reassignments. */
@Repository
class OperatorVisitViews {

    /** A nurse has at most 4 live visits a day; cancelled ones stay listed, so a day is bounded generously. */
    static final int MAX_PER_DAY = 100;

    private static final String VISIT = """
            SELECT v.visit_id, v.consultation_id, v.sequence, v.nurse_id, n.display_name, v.start_at, v.end_at,
                   v.time_zone, v.status
            FROM visit v JOIN nurse n ON n.id = v.nurse_id""";

    private final JdbcClient jdbc;

    OperatorVisitViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The nurse's visits starting in {@code [from, to)}, by start; one nobody could take after them is not theirs. */
    List<OperatorVisit> ofNurse(UUID nurseId, Instant from, Instant to) {
        return jdbc.sql(VISIT + """
                         WHERE v.nurse_id = ? AND v.start_at >= ? AND v.start_at < ? AND v.status <> 'UNSCHEDULABLE'
                        ORDER BY v.start_at, v.visit_id LIMIT ?""")
                .params(nurseId, utc(from), utc(to), MAX_PER_DAY)
                .query(OperatorVisitViews::toVisit)
                .list();
    }

    OperatorVisit visit(UUID visitId) {
        return jdbc.sql(VISIT + " WHERE v.visit_id = ?").param(visitId).query(OperatorVisitViews::toVisit).single();
    }

    void recordReassignment(UUID visitId, UUID fromNurse, UUID toNurse, String operator, Instant at) {
        jdbc.sql("""
                        INSERT INTO visit_reassignment (visit_id, from_nurse_id, to_nurse_id, operator, reassigned_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(visitId, fromNurse, toNurse, operator, utc(at))
                .update();
    }

    /** Who reassigned the visit, oldest first: {@code operator from->to}. */
    List<String> reassignments(UUID visitId) {
        return jdbc.sql("SELECT operator, from_nurse_id, to_nurse_id FROM visit_reassignment WHERE visit_id = ? "
                        + "ORDER BY id")
                .param(visitId)
                .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + "->" + rs.getString(3))
                .list();
    }

    private static OperatorVisit toVisit(ResultSet rs, int row) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        return new OperatorVisit(rs.getObject("visit_id", UUID.class), rs.getObject("consultation_id", UUID.class),
                rs.getInt("sequence"), rs.getObject("nurse_id", UUID.class), rs.getString("display_name"),
                local(rs.getObject("start_at", OffsetDateTime.class), zone),
                local(rs.getObject("end_at", OffsetDateTime.class), zone), zone.getId(), rs.getString("status"));
    }

    private static OffsetDateTime local(OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
