package com.housecall.booking.consultation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consultations, their visits and timeline, in booking-service's own database. */
@Repository
class ConsultationRepository {

    record StoredConsultation(UUID id, String patientSubject, String source, ConsultationStatus status,
                              OffsetDateTime createdAt, String timeZone, String state, String zipPrefix,
                              String requestJson, String screeningJson) {
    }

    record StoredVisit(UUID id, UUID consultationId, int sequence, String phase, String status, String startAt,
                       String endAt, String nurseDisplay) {
    }

    record TimelineEntry(String eventType, String at) {
    }

    private final JdbcClient jdbc;

    ConsultationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredConsultation c) {
        jdbc.sql("""
                        INSERT INTO consultation (id, patient_subject, source, status, created_at, time_zone, state,
                                                  zip_prefix, request_json)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id().toString(), c.patientSubject(), c.source(), c.status().name(), c.createdAt(),
                        c.timeZone(), c.state(), c.zipPrefix(), c.requestJson())
                .update();
    }

    /** Reads and locks the consultation for the rest of the transaction, so concurrent events apply one by one. */
    Optional<StoredConsultation> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM consultation WHERE id = ? FOR UPDATE").param(id.toString())
                .query(ConsultationRepository::consultation).optional();
    }

    Optional<StoredConsultation> find(UUID id) {
        return jdbc.sql("SELECT * FROM consultation WHERE id = ?").param(id.toString())
                .query(ConsultationRepository::consultation).optional();
    }

    void updateStatus(UUID id, ConsultationStatus status) {
        jdbc.sql("UPDATE consultation SET status = ? WHERE id = ?").params(status.name(), id.toString()).update();
    }

    void updateScreening(UUID id, String screeningJson) {
        jdbc.sql("UPDATE consultation SET screening_json = ? WHERE id = ?").params(screeningJson, id.toString()).update();
    }

    void insertVisit(StoredVisit v) {
        jdbc.sql("INSERT INTO visit (id, consultation_id, sequence, phase, status) VALUES (?, ?, ?, ?, ?)")
                .params(v.id().toString(), v.consultationId().toString(), v.sequence(), v.phase(), v.status())
                .update();
    }

    Optional<StoredVisit> findVisit(UUID visitId) {
        return jdbc.sql("SELECT * FROM visit WHERE id = ?").param(visitId.toString())
                .query(ConsultationRepository::visit).optional();
    }

    void updateVisit(UUID visitId, String status, String startAt, String endAt, String nurseDisplay) {
        jdbc.sql("UPDATE visit SET status = ?, start_at = ?, end_at = ?, nurse_display = ? WHERE id = ?")
                .params(status, startAt, endAt, nurseDisplay, visitId.toString())
                .update();
    }

    List<StoredVisit> visits(UUID consultationId) {
        return jdbc.sql("SELECT * FROM visit WHERE consultation_id = ? ORDER BY sequence")
                .param(consultationId.toString()).query(ConsultationRepository::visit).list();
    }

    void addToTimeline(UUID consultationId, String eventType, String at) {
        jdbc.sql("INSERT INTO consultation_timeline (consultation_id, event_type, at) VALUES (?, ?, ?)")
                .params(consultationId.toString(), eventType, at).update();
    }

    List<TimelineEntry> timeline(UUID consultationId) {
        return jdbc.sql("SELECT event_type, at FROM consultation_timeline WHERE consultation_id = ? ORDER BY seq")
                .param(consultationId.toString()).query(TimelineEntry.class).list();
    }

    private static StoredConsultation consultation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredConsultation(UUID.fromString(rs.getString("id")), rs.getString("patient_subject"),
                rs.getString("source"), ConsultationStatus.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("time_zone"), rs.getString("state"),
                rs.getString("zip_prefix"), rs.getString("request_json"), rs.getString("screening_json"));
    }

    private static StoredVisit visit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredVisit(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("consultation_id")),
                rs.getInt("sequence"), rs.getString("phase"), rs.getString("status"), rs.getString("start_at"),
                rs.getString("end_at"), rs.getString("nurse_display"));
    }
}
