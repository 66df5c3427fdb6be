package com.housecall.dispatch.record;

import com.housecall.events.dispatch.EscalationReason;
import com.housecall.events.dispatch.VisitEscalated;
import com.housecall.events.dispatch.VisitEscalationAcknowledged;
import com.housecall.messaging.OutboxWriter;
import com.housecall.security.problem.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * CLINICAL-RULES.md section 6 and DECISIONS 46: a visit escalates at once ({@code visit.escalated} through the
 * outbox, in the transaction that records why) and again every repeat interval until a clinician acknowledges.
 * A visit has at most one open escalation: a new reason joins it and is announced at once; a known one waits for
 * the repeat. Due times are stored, so a restart loses no repeat.
 */
@Service
class Escalations {

    static final int BATCH_SIZE = 50;
    private static final String COLUMNS = """
            escalation_id, visit_id, consultation_id, reasons, sequence, raised_at, last_raised_at, next_due_at,
            acknowledged_at, acknowledged_by""";

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final Duration repeat;

    Escalations(JdbcClient jdbc, OutboxWriter outbox, Clock clock, VisitRecordProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.repeat = properties.escalationRepeat();
    }

    /** Raises (or widens) the visit's open escalation, in the caller's transaction; no reasons, nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void raise(UUID visitId, UUID consultationId, List<EscalationReason> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        Instant now = now();
        Optional<EscalationState> open = open(visitId, true);
        if (open.isEmpty()) {
            UUID id = UUID.randomUUID();
            jdbc.sql("INSERT INTO visit_escalation (" + COLUMNS + ") VALUES (?, ?, ?, ?, 1, ?, ?, ?, NULL, NULL)")
                    .params(id, visitId, consultationId, codes(reasons), utc(now), utc(now), utc(now.plus(repeat)))
                    .update();
            outbox.append(new VisitEscalated(consultationId, visitId, id, List.copyOf(reasons), 1, now));
            return;
        }
        EscalationState current = open.get();
        List<EscalationReason> widened = new ArrayList<>(current.reasons());
        reasons.stream().filter(r -> !widened.contains(r)).forEach(widened::add);
        if (widened.size() > current.reasons().size()) {
            announce(current, widened, now);
        }
    }

    /** Raises again every unacknowledged escalation that is due; returns how many. */
    @Transactional
    public int repeatDue() {
        Instant now = now();
        List<EscalationState> due = jdbc.sql("SELECT " + COLUMNS + """
                         FROM visit_escalation WHERE acknowledged_at IS NULL AND next_due_at <= ?
                        ORDER BY next_due_at LIMIT ? FOR UPDATE""")
                .params(utc(now), BATCH_SIZE).query((rs, n) -> toState(rs)).list();
        due.forEach(escalation -> announce(escalation, escalation.reasons(), now));
        return due.size();
    }

    /** Stops the repeats; a second acknowledgement changes nothing. A visit never escalated is 404. */
    @Transactional
    public EscalationState acknowledge(UUID visitId, String clinician) {
        EscalationState latest = latest(visitId, true).orElseThrow(NotFoundException::new);
        if (latest.acknowledged()) {
            return latest;
        }
        Instant now = now();
        jdbc.sql("UPDATE visit_escalation SET acknowledged_at = ?, acknowledged_by = ?, next_due_at = NULL "
                        + "WHERE escalation_id = ?")
                .params(utc(now), clinician, latest.escalationId()).update();
        outbox.append(new VisitEscalationAcknowledged(latest.consultationId(), visitId, latest.escalationId(), now));
        return latest(visitId, false).orElseThrow();
    }

    Optional<EscalationState> open(UUID visitId, boolean forUpdate) {
        return latest(visitId, forUpdate).filter(e -> !e.acknowledged());
    }

    /** The visit's most recent escalation, open or acknowledged. */
    Optional<EscalationState> latest(UUID visitId, boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM visit_escalation WHERE visit_id = ? ORDER BY raised_at DESC "
                        + "LIMIT 1" + (forUpdate ? " FOR UPDATE" : ""))
                .param(visitId).query((rs, n) -> toState(rs)).optional();
    }

    /** Due again one interval from now, not from the missed time: no burst after a long outage. */
    private void announce(EscalationState escalation, List<EscalationReason> reasons, Instant now) {
        int sequence = escalation.sequence() + 1;
        int updated = jdbc.sql("""
                        UPDATE visit_escalation SET reasons = ?, sequence = ?, last_raised_at = ?, next_due_at = ?
                        WHERE escalation_id = ? AND acknowledged_at IS NULL""")
                .params(codes(reasons), sequence, utc(now), utc(now.plus(repeat)), escalation.escalationId())
                .update();
        if (updated == 1) {
            outbox.append(new VisitEscalated(escalation.consultationId(), escalation.visitId(),
                    escalation.escalationId(), List.copyOf(reasons), sequence, now));
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String codes(List<EscalationReason> reasons) {
        return reasons.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static OffsetDateTime utc(Instant instant) {
        return RecordStore.utc(instant);
    }

    private static EscalationState toState(ResultSet rs) throws SQLException {
        Instant acknowledgedAt = RecordStore.instant(rs, "acknowledged_at");
        return new EscalationState(rs.getObject("escalation_id", UUID.class), rs.getObject("visit_id", UUID.class),
                rs.getObject("consultation_id", UUID.class),
                Arrays.stream(rs.getString("reasons").split(",")).map(EscalationReason::valueOf).toList(),
                rs.getInt("sequence"), Objects.requireNonNull(RecordStore.instant(rs, "raised_at")),
                Objects.requireNonNull(RecordStore.instant(rs, "last_raised_at")),
                RecordStore.instant(rs, "next_due_at"), acknowledgedAt != null, acknowledgedAt,
                rs.getString("acknowledged_by"));
    }
}
