package com.housecall.booking.consultation;

import com.housecall.events.TimeWindow;
import com.housecall.events.booking.VisitPhase;
import com.housecall.messaging.OutboxWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link Consultation} aggregate in booking's database: loaded whole and locked, saved with the events it
 * emitted (outbox) and its timeline lines, in the caller's transaction. The read side of the API is
 * {@link ConsultationRepository}.
 */
@Repository
class Consultations {

    private static final TypeReference<List<TimeWindow>> WINDOWS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxWriter outbox;

    Consultations(JdbcClient jdbc, JsonMapper json, OutboxWriter outbox) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
    }

    /** Reads and locks the consultation with its visits, so concurrent commands and events apply one by one. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Consultation> lock(UUID id) {
        return jdbc.sql("SELECT * FROM consultation WHERE id = ? FOR UPDATE").param(id.toString())
                .query(this::row).optional().map(row -> row.with(visits(id)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void add(Consultation c) {
        Origin origin = c.origin();
        jdbc.sql("""
                        INSERT INTO consultation (id, patient_subject, source, status, created_at, time_zone, state,
                                                  zip_prefix, request_json, referring_clinic)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(origin.id().toString(), origin.patientSubject(), origin.source(), c.status().name(),
                        origin.createdAt().atOffset(ZoneOffset.UTC), origin.timeZone(), origin.state(),
                        origin.zipPrefix(), json.writeValueAsString(c.request()), origin.referringClinic())
                .update();
        save(c);
    }

    /** Its state, its visits as changed, new PHQ-9 answers, then its events and timeline lines in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    void save(Consultation c) {
        String id = c.id().toString();
        jdbc.sql("""
                        UPDATE consultation SET status = ?, screening_json = ?, course_block = ?, phq9_pending = ?
                        WHERE id = ?""")
                .params(c.status().name(), c.screeningJson(), c.courseBlock(), c.phq9Pending(), id)
                .update();
        if (c.requestChanged()) {
            jdbc.sql("UPDATE consultation SET request_json = ? WHERE id = ?")
                    .params(json.writeValueAsString(c.request()), id).update();
        }
        c.course().removed().forEach(visitId -> jdbc.sql("DELETE FROM visit WHERE id = ?")
                .param(visitId.toString()).update());
        c.course().visits().forEach(visit -> saveVisit(id, visit));
        for (Phq9Submission submission : c.emitted().submissions()) {
            jdbc.sql("""
                            INSERT INTO phq9_submission (id, consultation_id, block, answers, submitted_at)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(submission.id().toString(), id, submission.block(),
                            submission.answers().stream().map(String::valueOf).collect(Collectors.joining(",")),
                            submission.at().atOffset(ZoneOffset.UTC))
                    .update();
        }
        c.emitted().events().forEach(registered -> outbox.append(registered.event()));
        c.emitted().timeline().forEach(line -> jdbc.sql(
                        "INSERT INTO consultation_timeline (consultation_id, event_type, at) VALUES (?, ?, ?)")
                .params(id, line.eventType(), line.at()).update());
        c.saved();
    }

    private void saveVisit(String consultationId, Visit v) {
        String windows = json.writeValueAsString(v.windows());
        switch (v.change()) {
            case ADDED -> jdbc.sql("""
                            INSERT INTO visit (id, consultation_id, sequence, phase, status, start_at, end_at,
                                               nurse_display, windows_json, replanned)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(v.id().toString(), consultationId, v.sequence(), v.phase().name(), v.status().name(),
                            v.startAt(), v.endAt(), v.nurseDisplay(), windows, v.replanned())
                    .update();
            case CHANGED -> jdbc.sql("""
                            UPDATE visit SET status = ?, start_at = ?, end_at = ?, nurse_display = ?, windows_json = ?,
                                             replanned = ?
                            WHERE id = ?""")
                    .params(v.status().name(), v.startAt(), v.endAt(), v.nurseDisplay(), windows, v.replanned(),
                            v.id().toString())
                    .update();
            case NONE -> {
            }
        }
    }

    private List<Visit> visits(UUID consultationId) {
        return jdbc.sql("SELECT * FROM visit WHERE consultation_id = ? ORDER BY sequence")
                .param(consultationId.toString())
                .query((rs, row) -> new Visit(UUID.fromString(rs.getString("id")), rs.getInt("sequence"),
                        VisitPhase.valueOf(rs.getString("phase")), VisitStatus.of(rs.getString("status")),
                        rs.getString("start_at"), rs.getString("end_at"), rs.getString("nurse_display"),
                        windows(rs.getString("windows_json")), rs.getBoolean("replanned")))
                .list();
    }

    private List<TimeWindow> windows(String stored) {
        return stored == null ? List.of() : json.readValue(stored, WINDOWS);
    }

    /** The consultation's row; its visits are read once the row is locked. */
    private record Row(Origin origin, ConsultationStatus status, ConsultationRequest request, String screeningJson,
                       int courseBlock, boolean phq9Pending) {

        Consultation with(List<Visit> visits) {
            return new Consultation(origin, status, request, screeningJson, courseBlock, phq9Pending, visits);
        }
    }

    private Row row(ResultSet rs, int rowNumber) throws SQLException {
        Origin origin = new Origin(UUID.fromString(rs.getString("id")), rs.getString("patient_subject"),
                rs.getString("source"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("time_zone"), rs.getString("state"), rs.getString("zip_prefix"),
                rs.getString("referring_clinic"));
        return new Row(origin, ConsultationStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("request_json"), ConsultationRequest.class), rs.getString("screening_json"),
                rs.getInt("course_block"), rs.getBoolean("phq9_pending"));
    }
}
