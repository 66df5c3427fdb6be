package com.housecall.screening.review;

import com.housecall.screening.Paging;
import com.housecall.screening.cases.CaseStatus;
import com.housecall.screening.rules.Score;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The screening table as the review queue reads it, and the decision audit. */
@Repository
class ReviewCases {

    /** A reason as {@code Screenings} stored it: the detail is for clinicians only. */
    record StoredReason(String code, String outcome, String message, String detail) {
    }

    /** One screening row, with what the decision rules need. */
    record Case(ReviewItem item, boolean hasIneligibleReason) {
    }

    private static final String COLUMNS = """
            consultation_id, status, case_status, outcome, kind, screened_at, reasons_json, phq9_total, gad7_total,
            decision, decided_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReviewCases(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Open cases: crises (safety holds) first, then oldest first. */
    List<ReviewItem> queue(int page, int size) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM screening WHERE case_status = 'OPEN'
                        ORDER BY CASE outcome WHEN 'CRISIS' THEN 0 ELSE 1 END, screened_at, consultation_id
                        LIMIT ? OFFSET ?""")
                .params(size, (long) page * size)
                .query((rs, n) -> toCase(rs).item()).list();
    }

    long queueSize() {
        return jdbc.sql("SELECT COUNT(*) FROM screening WHERE case_status = 'OPEN'")
                .query(Long.class).single();
    }

    Optional<Case> findForUpdate(UUID consultationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM screening WHERE consultation_id = ? FOR UPDATE")
                .param(consultationId.toString())
                .query((rs, n) -> toCase(rs)).optional();
    }

    void decide(UUID consultationId, String decision, CaseStatus caseStatus, Instant at) {
        jdbc.sql("UPDATE screening SET decision = ?, case_status = ?, decided_at = ? WHERE consultation_id = ?")
                .params(decision, caseStatus.name(), at.atOffset(ZoneOffset.UTC), consultationId.toString()).update();
    }

    void audit(UUID consultationId, String decision, String note, String decidedBy, Instant at) {
        jdbc.sql("""
                        INSERT INTO screening_decision (decision_id, consultation_id, decision, note, decided_by, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), consultationId.toString(), decision, note, decidedBy,
                        at.atOffset(ZoneOffset.UTC))
                .update();
    }

    boolean exists(UUID consultationId) {
        return jdbc.sql("SELECT COUNT(*) FROM screening WHERE consultation_id = ?")
                .param(consultationId.toString()).query(Long.class).single() > 0;
    }

    List<DecisionRecord> decisions(UUID consultationId, Paging paging) {
        return jdbc.sql("""
                        SELECT decision, note, decided_by, decided_at FROM screening_decision
                        WHERE consultation_id = ? ORDER BY decided_at, decision_id LIMIT ? OFFSET ?""")
                .params(consultationId.toString(), paging.size(), paging.offset())
                .query((rs, n) -> new DecisionRecord(rs.getString("decision"), rs.getString("note"),
                        rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    long decisionCount(UUID consultationId) {
        return jdbc.sql("SELECT COUNT(*) FROM screening_decision WHERE consultation_id = ?")
                .param(consultationId.toString()).query(Long.class).single();
    }

    private Case toCase(ResultSet rs) throws SQLException {
        List<StoredReason> stored = List.of(json.readValue(rs.getString("reasons_json"), StoredReason[].class));
        List<ReviewItem.ReasonView> reasons = stored.stream()
                .map(r -> new ReviewItem.ReasonView(r.code(), r.detail() != null ? r.detail() : r.message()))
                .toList();
        Score phq9 = Score.phq9Total(rs.getInt("phq9_total"));
        int gad7Total = rs.getInt("gad7_total");
        Score gad7 = rs.wasNull() ? null : Score.gad7Total(gad7Total);
        String decision = rs.getString("decision");
        OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        ReviewItem item = new ReviewItem(UUID.fromString(rs.getString("consultation_id")), rs.getString("status"),
                rs.getString("case_status"), rs.getString("outcome"), rs.getString("kind"),
                rs.getObject("screened_at", OffsetDateTime.class).toInstant(), reasons,
                new ReviewItem.ScoreView(phq9.total(), phq9.band()),
                gad7 == null ? null : new ReviewItem.ScoreView(gad7.total(), gad7.band()),
                decision == null ? null : new ReviewItem.DecisionView(decision, decidedAt.toInstant()));
        return new Case(item, stored.stream().anyMatch(r -> "INELIGIBLE".equals(r.outcome())));
    }
}
