package com.housecall.screening.maintenance;

import com.housecall.messaging.EventRejectedException;
import com.housecall.screening.rules.Outcome;
import com.housecall.screening.rules.Reason;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Re-opens a consultation's screening case for a maintenance review; the decision history stays in the audit. */
@Repository
class MaintenanceCases {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MaintenanceCases(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Answers false when this submission was already taken (a redelivery). */
    boolean reopen(UUID consultationId, UUID submissionId, Outcome outcome, List<Reason> reasons, int phq9Total,
                   Instant at) {
        List<String> submission = jdbc.sql("SELECT submission_id FROM screening WHERE consultation_id = ? FOR UPDATE")
                .param(consultationId.toString()).query((rs, row) -> String.valueOf(rs.getString(1))).list();
        if (submission.isEmpty()) {
            // booking only accepts a fresh PHQ-9 on a confirmed course, which was screened here first
            throw new EventRejectedException("fresh PHQ-9 for a consultation never screened");
        }
        if (submission.getFirst().equals(submissionId.toString())) {
            return false;
        }
        jdbc.sql("""
                        UPDATE screening SET kind = 'MAINTENANCE', submission_id = ?, outcome = ?, status = ?,
                               reasons_json = ?, phq9_total = ?, gad7_total = NULL, screened_at = ?,
                               decision = NULL, decided_at = NULL
                        WHERE consultation_id = ?""")
                .params(submissionId.toString(), outcome.name(), outcome == Outcome.CRISIS ? "SAFETY_HOLD" : "IN_REVIEW",
                        json.writeValueAsString(reasons), phq9Total, at.atOffset(ZoneOffset.UTC),
                        consultationId.toString())
                .update();
        return true;
    }
}
