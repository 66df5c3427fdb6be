package com.housecall.dispatch.visit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Visits as their nurse reads them, with the patient's door details (PHI, for that nurse only). */
@Repository
class NurseVisitViews {

    private final JdbcClient jdbc;

    NurseVisitViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A nurse's visits with what they need to get there, by start: the patient's first name, phone and address are
     * PHI and go to that nurse only. A visit nobody could take after this nurse gave it up is not theirs.
     */
    List<NurseVisit> ofNurse(UUID nurseId, int page, int size) {
        return jdbc.sql(NURSE_VISIT + " WHERE v.nurse_id = ? AND v.status <> 'UNSCHEDULABLE' ORDER BY v.start_at, v.visit_id "
                        + "LIMIT ? OFFSET ?")
                .params(nurseId, size, (long) page * size)
                .query(NurseVisitViews::toNurseVisit)
                .list();
    }

    long countOfNurse(UUID nurseId) {
        return jdbc.sql("SELECT COUNT(*) FROM visit WHERE nurse_id = ? AND status <> 'UNSCHEDULABLE'").param(nurseId)
                .query(Long.class).single();
    }

    NurseVisit nurseVisit(UUID visitId) {
        return jdbc.sql(NURSE_VISIT + " WHERE v.visit_id = ?").param(visitId).query(NurseVisitViews::toNurseVisit).single();
    }

    private static final String NURSE_VISIT = """
            SELECT v.visit_id, v.consultation_id, v.sequence, v.start_at, v.end_at, v.time_zone, v.status,
                   l.line1, l.city, l.state, l.postal_code, l.first_name, l.phone
            FROM visit v LEFT JOIN patient_location l ON l.consultation_id = v.consultation_id""";

    private static NurseVisit toNurseVisit(ResultSet rs, int row) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        boolean located = rs.getString("line1") != null;
        return new NurseVisit(rs.getObject("visit_id", UUID.class), rs.getObject("consultation_id", UUID.class),
                rs.getInt("sequence"), local(rs.getObject("start_at", OffsetDateTime.class), zone),
                local(rs.getObject("end_at", OffsetDateTime.class), zone), zone.getId(), rs.getString("status"),
                located ? new NurseVisit.Patient(rs.getString("first_name"), rs.getString("phone")) : null,
                located ? new NurseVisit.Address(rs.getString("line1"), rs.getString("city"), rs.getString("state"),
                        rs.getString("postal_code")) : null);
    }

    private static OffsetDateTime local(OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
