package com.housecall.dispatch.record;

import com.housecall.events.dispatch.EscalationReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The VITALS_OVERDUE rule (CLINICAL-RULES.md section 6): during the infusion and the observation, a gap since the
 * last vitals longer than the setting escalates, once per gap (named by its last vitals), whichever instance
 * finds it first. The time comes from the injected {@link Clock}.
 */
@Service
class VitalsOverdue {

    private record Gap(UUID visitId, UUID consultationId, OffsetDateTime lastVitalsAt) {
    }

    private final JdbcClient jdbc;
    private final Escalations escalations;
    private final Clock clock;
    private final Duration overdue;

    VitalsOverdue(JdbcClient jdbc, Escalations escalations, Clock clock, VisitRecordProperties properties) {
        this.jdbc = jdbc;
        this.escalations = escalations;
        this.clock = clock;
        this.overdue = properties.vitalsOverdue();
    }

    /** Escalates each visit whose vitals are overdue and not yet escalated for this gap; returns how many. */
    @Transactional
    public int raiseDue() {
        Instant now = Instant.now(clock);
        List<Gap> gaps = jdbc.sql("""
                        SELECT g.visit_id, g.consultation_id, g.last_at FROM (
                            SELECT v.visit_id, v.consultation_id, MAX(e.entry_at) AS last_at
                            FROM visit v JOIN visit_record_entry e ON e.visit_id = v.visit_id AND e.kind = 'VITALS'
                            WHERE v.status IN ('INFUSION_STARTED', 'INFUSION_COMPLETED')
                            GROUP BY v.visit_id, v.consultation_id) g
                        WHERE g.last_at < ? AND NOT EXISTS (SELECT 1 FROM vitals_overdue o
                            WHERE o.visit_id = g.visit_id AND o.last_vitals_at = g.last_at)
                        LIMIT ?""")
                .params(RecordStore.utc(now.minus(overdue)), Escalations.BATCH_SIZE)
                .query((rs, row) -> new Gap(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, OffsetDateTime.class)))
                .list();
        int raised = 0;
        for (Gap gap : gaps) {
            int claimed = jdbc.sql("INSERT INTO vitals_overdue (visit_id, last_vitals_at) VALUES (?, ?) "
                            + "ON CONFLICT DO NOTHING")
                    .params(gap.visitId(), gap.lastVitalsAt()).update();
            if (claimed == 1) {
                escalations.raise(gap.visitId(), gap.consultationId(), List.of(EscalationReason.VITALS_OVERDUE));
                raised++;
            }
        }
        return raised;
    }
}
