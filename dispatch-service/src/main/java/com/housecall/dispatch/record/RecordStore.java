package com.housecall.dispatch.record;

import com.housecall.security.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The record's entries (PHI, stored as JSON), the visit they belong to, and the audit of every read. */
@Repository
class RecordStore {

    /** The visit as the record needs it; {@code arrivedAt} is null until the nurse arrived. */
    record RecordVisit(UUID visitId, UUID consultationId, UUID nurseId, String status, @Nullable Instant arrivedAt) {
    }

    private static final String VISIT = "SELECT visit_id, consultation_id, nurse_id, status, arrived_at FROM visit "
            + "WHERE visit_id = ?";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RecordStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The visit, its row locked until the transaction ends: one entry or status move at a time. */
    Optional<RecordVisit> lock(UUID visitId) {
        return jdbc.sql(VISIT + " FOR UPDATE").param(visitId).query(RecordStore::toVisit).optional();
    }

    Optional<RecordVisit> find(UUID visitId) {
        return jdbc.sql(VISIT).param(visitId).query(RecordStore::toVisit).optional();
    }

    List<RecordedEntry> entries(UUID visitId) {
        return jdbc.sql("SELECT entry_id, recorded_at, recorded_by, body FROM visit_record_entry WHERE visit_id = ? "
                        + "ORDER BY id")
                .param(visitId)
                .query((rs, row) -> new RecordedEntry(rs.getObject("entry_id", UUID.class),
                        instant(rs, "recorded_at"), rs.getString("recorded_by"),
                        json.readValue(rs.getString("body"), EntryForm.class)))
                .list();
    }

    RecordedEntry append(RecordVisit visit, EntryForm entry, String recorder, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO visit_record_entry (entry_id, visit_id, nurse_id, kind, entry_at, recorded_at,
                                                        recorded_by, body)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, visit.visitId(), visit.nurseId(), String.valueOf(entry.kind()),
                        java.util.Objects.requireNonNull(entry.at()), utc(now), recorder,
                        json.writeValueAsString(entry))
                .update();
        return new RecordedEntry(id, now, recorder, entry);
    }

    /** Records a read in the caller's transaction: no answer shows the record unless its read is recorded. */
    @Transactional(propagation = Propagation.MANDATORY)
    void audit(RecordVisit visit, Caller reader, String access, Instant now) {
        jdbc.sql("""
                        INSERT INTO visit_record_read_audit (visit_id, consultation_id, reader_subject, reader_username,
                                                             reader_roles, access, read_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(visit.visitId(), visit.consultationId(), reader.subject(), reader.username(),
                        String.join(",", reader.roles().stream().filter(r -> !r.contains("default-roles")
                                && !r.equals("offline_access") && !r.equals("uma_authorization")).toList()),
                        access, utc(now))
                .update();
    }

    /** Who read a visit's record, oldest first: usernames and routes. */
    List<String> readers(UUID visitId) {
        return jdbc.sql("SELECT reader_username, access FROM visit_record_read_audit WHERE visit_id = ? ORDER BY id")
                .param(visitId).query((rs, row) -> rs.getString(1) + " " + rs.getString(2)).list();
    }

    private static RecordVisit toVisit(ResultSet rs, int row) throws SQLException {
        return new RecordVisit(rs.getObject("visit_id", UUID.class), rs.getObject("consultation_id", UUID.class),
                rs.getObject("nurse_id", UUID.class), rs.getString("status"), instant(rs, "arrived_at"));
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
