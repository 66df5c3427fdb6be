package com.housecall.screening.intake;

import com.housecall.screening.cases.CaseStatus;
import com.housecall.screening.rules.Decision;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Screening decisions, one per consultation, with every reason (details included, for clinicians). */
@Repository
class Screenings {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Screenings(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean exists(UUID consultationId) {
        return jdbc.sql("SELECT COUNT(*) FROM screening WHERE consultation_id = ?").param(consultationId.toString())
                .query(Long.class).single() > 0;
    }

    void insert(UUID consultationId, Decision decision, Instant at) {
        jdbc.sql("""
                        INSERT INTO screening (consultation_id, outcome, ruleset_version, reasons_json, phq9_total,
                                               gad7_total, screened_at, kind, status, case_status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'INTAKE', ?, ?)""")
                .params(consultationId.toString(), decision.outcome().name(), decision.rulesetVersion(),
                        json.writeValueAsString(decision.reasons()), decision.phq9().total(),
                        decision.gad7() == null ? null : decision.gad7().total(), at.atOffset(ZoneOffset.UTC),
                        CaseStatus.shownStatus(decision.outcome()),
                        CaseStatus.afterScreening(decision.outcome()).name())
                .update();
    }
}
