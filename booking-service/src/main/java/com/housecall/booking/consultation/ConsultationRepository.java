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
                              String requestJson, String screeningJson, String referringClinic, int courseBlock,
                              boolean phq9Pending) {

        boolean ownedBy(String subject) {
            return patientSubject != null && patientSubject.equals(subject);
        }

        boolean referredBy(String clinic) {
            return referringClinic != null && referringClinic.equals(clinic);
        }
    }

    /** A page of summaries: {@code patientSubject} or {@code referringClinic} narrows it, both null is everything. */
    record Summary(UUID id, ConsultationStatus status, OffsetDateTime createdAt, String source) {
    }

    /** {@code windowsJson}: the windows it was last requested in; {@code replanned}: booking re-planned it once. */
    record StoredVisit(UUID id, UUID consultationId, int sequence, String phase, String status, String startAt,
                       String endAt, String nurseDisplay, String windowsJson, boolean replanned) {
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
                                                  zip_prefix, request_json, referring_clinic)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id().toString(), c.patientSubject(), c.source(), c.status().name(), c.createdAt(),
                        c.timeZone(), c.state(), c.zipPrefix(), c.requestJson(), c.referringClinic())
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

    void updateRequest(UUID id, String requestJson) {
        jdbc.sql("UPDATE consultation SET request_json = ? WHERE id = ?").params(requestJson, id.toString()).update();
    }

    void updateCourse(UUID id, int courseBlock, boolean phq9Pending) {
        jdbc.sql("UPDATE consultation SET course_block = ?, phq9_pending = ? WHERE id = ?")
                .params(courseBlock, phq9Pending, id.toString()).update();
    }

    List<Summary> page(String patientSubject, String referringClinic, int page, int size) {
        return jdbc.sql("SELECT id, status, created_at, source FROM consultation" + where(patientSubject, referringClinic)
                        + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(filterParams(patientSubject, referringClinic, size, (long) page * size))
                .query((rs, row) -> new Summary(UUID.fromString(rs.getString("id")),
                        ConsultationStatus.valueOf(rs.getString("status")),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("source")))
                .list();
    }

    long count(String patientSubject, String referringClinic) {
        return jdbc.sql("SELECT COUNT(*) FROM consultation" + where(patientSubject, referringClinic))
                .params(filterParams(patientSubject, referringClinic))
                .query(Long.class).single();
    }

    private static String where(String patientSubject, String referringClinic) {
        if (patientSubject != null) {
            return " WHERE patient_subject = ?";
        }
        return referringClinic != null ? " WHERE referring_clinic = ?" : "";
    }

    private static List<Object> filterParams(String patientSubject, String referringClinic, Object... more) {
        List<Object> params = new java.util.ArrayList<>();
        if (patientSubject != null) {
            params.add(patientSubject);
        } else if (referringClinic != null) {
            params.add(referringClinic);
        }
        params.addAll(List.of(more));
        return params;
    }

    void deleteVisit(UUID visitId) {
        jdbc.sql("DELETE FROM visit WHERE id = ?").param(visitId.toString()).update();
    }

    void updateVisitStatus(UUID visitId, String status) {
        jdbc.sql("UPDATE visit SET status = ? WHERE id = ?").params(status, visitId.toString()).update();
    }

    void insertPhq9(UUID id, UUID consultationId, int block, String answers, OffsetDateTime at) {
        jdbc.sql("INSERT INTO phq9_submission (id, consultation_id, block, answers, submitted_at) VALUES (?, ?, ?, ?, ?)")
                .params(id.toString(), consultationId.toString(), block, answers, at).update();
    }

    void updateScreening(UUID id, String screeningJson) {
        jdbc.sql("UPDATE consultation SET screening_json = ? WHERE id = ?").params(screeningJson, id.toString()).update();
    }

    void insertVisit(StoredVisit v) {
        jdbc.sql("INSERT INTO visit (id, consultation_id, sequence, phase, status, windows_json) VALUES (?, ?, ?, ?, ?, ?)")
                .params(v.id().toString(), v.consultationId().toString(), v.sequence(), v.phase(), v.status(),
                        v.windowsJson())
                .update();
    }

    /** A visit requested again (reschedule, re-plan): its new windows and status; the time it holds stays. */
    void updateVisitRequest(UUID visitId, String status, String windowsJson, boolean replanned) {
        jdbc.sql("UPDATE visit SET status = ?, windows_json = ?, replanned = ? WHERE id = ?")
                .params(status, windowsJson, replanned, visitId.toString())
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
                rs.getString("zip_prefix"), rs.getString("request_json"), rs.getString("screening_json"),
                rs.getString("referring_clinic"), rs.getInt("course_block"), rs.getBoolean("phq9_pending"));
    }

    private static StoredVisit visit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredVisit(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("consultation_id")),
                rs.getInt("sequence"), rs.getString("phase"), rs.getString("status"), rs.getString("start_at"),
                rs.getString("end_at"), rs.getString("nurse_display"), rs.getString("windows_json"),
                rs.getBoolean("replanned"));
    }
}
