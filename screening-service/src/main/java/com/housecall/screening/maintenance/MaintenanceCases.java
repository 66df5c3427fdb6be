package com.housecall.screening.maintenance;

import com.housecall.messaging.EventRejectedException;
import com.housecall.screening.cases.CaseStatus;
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

    /** Answers false when this submission was already taken (a redelivery) or the case was withdrawn. */
    boolean reopen(UUID consultationId, UUID submissionId, Outcome outcome, List<Reason> reasons, int phq9Total,
                   Instant at) {
        record Current(String submissionId, CaseStatus caseStatus) {
        }
        List<Current> current = jdbc.sql(
                        "SELECT submission_id, case_status FROM screening WHERE consultation_id = ? FOR UPDATE")
                .param(consultationId.toString())
                .query((rs, row) -> new Current(String.valueOf(rs.getString(1)), CaseStatus.valueOf(rs.getString(2))))
                .list();
        if (current.isEmpty()) {
            // booking only accepts a fresh PHQ-9 on a confirmed course, which was screened here first
            throw new EventRejectedException("fresh PHQ-9 for a consultation never screened");
        }
        if (current.getFirst().submissionId().equals(submissionId.toString())
                || !current.getFirst().caseStatus().reopenable()) {
            return false;
        }
        jdbc.sql("""
                        UPDATE screening SET kind = 'MAINTENANCE', submission_id = ?, outcome = ?, status = ?,
                               case_status = 'OPEN', reasons_json = ?, phq9_total = ?, gad7_total = NULL,
                               screened_at = ?, decision = NULL, decided_at = NULL
                        WHERE consultation_id = ?""")
                .params(submissionId.toString(), outcome.name(), CaseStatus.shownStatus(outcome),
                        json.writeValueAsString(reasons), phq9Total, at.atOffset(ZoneOffset.UTC),
                        consultationId.toString())
                .update();
        return true;
    }
}
