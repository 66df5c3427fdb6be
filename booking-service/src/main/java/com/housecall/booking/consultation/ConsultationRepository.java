package com.housecall.booking.consultation;

import com.housecall.messaging.RecordRows;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read side: consultations, their visits and timeline as the API shows them. Changes go through the aggregate,
 * {@link Consultations}.
 */
@Repository
class ConsultationRepository {

    record StoredConsultation(UUID id, String patientSubject, String source, ConsultationStatus status,
                              OffsetDateTime createdAt, String timeZone, String state, String zipPrefix,
                              String requestJson, String screeningJson, String referringClinic, int courseBlock,
                              boolean phq9Pending) implements Parties {
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

    Optional<StoredConsultation> find(UUID id) {
        return jdbc.sql("SELECT * FROM consultation WHERE id = ?").param(id.toString())
                .query(ConsultationRepository::consultation).optional();
    }

    List<Summary> page(String patientSubject, String referringClinic, ConsultationSearch search, int page, int size) {
        List<Object> params = filterParams(patientSubject, referringClinic, search);
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql("SELECT id, status, created_at, source FROM consultation"
                        + where(patientSubject, referringClinic, search)
                        + " ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, row) -> new Summary(UUID.fromString(rs.getString("id")),
                        ConsultationStatus.valueOf(rs.getString("status")),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getString("source")))
                .list();
    }

    long count(String patientSubject, String referringClinic, ConsultationSearch search) {
        return jdbc.sql("SELECT COUNT(*) FROM consultation" + where(patientSubject, referringClinic, search))
                .params(filterParams(patientSubject, referringClinic, search))
                .query(Long.class).single();
    }

    /** Ids are stored lower-case (UUID.toString), so a prefix compares as it is; LIKE's own characters never pass. */
    private static String where(String patientSubject, String referringClinic, ConsultationSearch search) {
        List<String> conditions = new ArrayList<>();
        if (patientSubject != null) {
            conditions.add("patient_subject = ?");
        } else if (referringClinic != null) {
            conditions.add("referring_clinic = ?");
        }
        if (search.status() != null) {
            conditions.add("status = ?");
        }
        if (search.idPrefix() != null) {
            conditions.add("id LIKE ?");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static List<Object> filterParams(String patientSubject, String referringClinic, ConsultationSearch search) {
        List<Object> params = new ArrayList<>();
        if (patientSubject != null) {
            params.add(patientSubject);
        } else if (referringClinic != null) {
            params.add(referringClinic);
        }
        if (search.status() != null) {
            params.add(search.status().name());
        }
        if (search.idPrefix() != null) {
            params.add(search.idPrefix() + "%");
        }
        return params;
    }

    List<StoredVisit> visits(UUID consultationId) {
        return jdbc.sql("SELECT * FROM visit WHERE consultation_id = ? ORDER BY sequence")
                .param(consultationId.toString()).query(ConsultationRepository::visit).list();
    }

    List<TimelineEntry> timeline(UUID consultationId) {
        return jdbc.sql("SELECT event_type, at FROM consultation_timeline WHERE consultation_id = ? ORDER BY seq")
                .param(consultationId.toString()).query(RecordRows.of(TimelineEntry.class)).list();
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
