package com.housecall.booking.consultation;

import com.housecall.security.Caller;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of reads of a consultation's PHI (patient, intake): who (subject, username, client, roles), when,
 * which consultation and through which access. Its own table, never the application log.
 */
@Repository
public class PhiReadAudit {

    /** One recorded read. */
    public record Entry(UUID consultationId, String readerSubject, String readerUsername, String readerClient,
                        String readerRoles, String access, OffsetDateTime readAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    PhiReadAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a read in the caller's transaction: no answer shows PHI unless its read is recorded. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordRead(UUID consultationId, Caller reader, String access) {
        jdbc.sql("""
                        INSERT INTO phi_read_audit (consultation_id, reader_subject, reader_username, reader_client,
                                                    reader_roles, access, read_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(consultationId.toString(), reader.subject(), reader.username(), reader.clientId(),
                        String.join(",", reader.roles().stream().filter(r -> !r.contains("default-roles")
                                && !r.equals("offline_access") && !r.equals("uma_authorization")).toList()),
                        access, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    public List<Entry> reads(UUID consultationId) {
        return jdbc.sql("SELECT * FROM phi_read_audit WHERE consultation_id = ? ORDER BY id")
                .param(consultationId.toString())
                .query((rs, row) -> new Entry(UUID.fromString(rs.getString("consultation_id")),
                        rs.getString("reader_subject"), rs.getString("reader_username"), rs.getString("reader_client"),
                        rs.getString("reader_roles"), rs.getString("access"),
                        rs.getObject("read_at", OffsetDateTime.class)))
                .list();
    }
}
