package com.housecall.screening.cases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cancelled consultations (a tombstone each, kept even when the cancel overtook the intake) and what booking's
 * events change on a screening row: the case status and the consultation status as last heard.
 */
@Repository
public class Withdrawals {

    private final JdbcClient jdbc;

    Withdrawals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True once the consultation was cancelled: its intake or fresh PHQ-9 is never queued and never pages. */
    public boolean isWithdrawn(UUID consultationId) {
        return jdbc.sql("SELECT COUNT(*) FROM screening_withdrawal WHERE consultation_id = ?")
                .param(consultationId.toString()).query(Long.class).single() > 0;
    }

    /** Records the tombstone once; the caller holds the consultation's turn, so no concurrent insert races it. */
    void tombstone(UUID consultationId, Instant at) {
        if (!isWithdrawn(consultationId)) {
            jdbc.sql("INSERT INTO screening_withdrawal (consultation_id, withdrawn_at) VALUES (?, ?)")
                    .params(consultationId.toString(), at.atOffset(ZoneOffset.UTC)).update();
        }
    }

    Optional<CaseStatus> caseStatusForUpdate(UUID consultationId) {
        return jdbc.sql("SELECT case_status FROM screening WHERE consultation_id = ? FOR UPDATE")
                .param(consultationId.toString()).query(String.class).optional().map(CaseStatus::valueOf);
    }

    void caseStatus(UUID consultationId, CaseStatus status) {
        jdbc.sql("UPDATE screening SET case_status = ? WHERE consultation_id = ?")
                .params(status.name(), consultationId.toString()).update();
    }

    /** The consultation's status as booking announced it; CANCELLED is final, so a late event cannot undo it. */
    void heard(UUID consultationId, String status) {
        jdbc.sql("""
                        UPDATE screening SET status = ?
                        WHERE consultation_id = ? AND (status IS NULL OR status <> 'CANCELLED')""")
                .params(status, consultationId.toString()).update();
    }
}
