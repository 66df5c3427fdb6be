package com.housecall.screening.safety;

import com.housecall.events.screening.SafetyAcknowledged;
import com.housecall.events.screening.SafetyAlert;
import com.housecall.events.screening.SafetyWithdrawn;
import com.housecall.messaging.OutboxWriter;
import com.housecall.screening.Paging;
import com.housecall.screening.ScreeningProperties;
import com.housecall.security.problem.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * CLINICAL-RULES.md section 5: a crisis raises a {@code safety.alert} at once and again every repeat interval
 * until a clinician acknowledges it, or the consultation is cancelled (withdrawn, DECISIONS 16). The next due time is
 * stored, so the cadence survives restarts; every alert goes out through the outbox in the transaction that records
 * it.
 */
@Service
public class SafetyAlerts {

    static final int BATCH_SIZE = 100;

    private static final String COLUMNS = """
            alert_id, consultation_id, sequence, raised_at, last_raised_at, next_due_at, acknowledged_at,
            acknowledged_by, withdrawn_at""";

    private final JdbcClient jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final Duration repeat;

    SafetyAlerts(JdbcClient jdbc, OutboxWriter outbox, Clock clock, ScreeningProperties properties) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
        this.repeat = properties.alertRepeat();
    }

    /**
     * Raises the first alert of a crisis, in the caller's transaction. A consultation has one alert row: a new crisis
     * (a fresh PHQ-9 before maintenance) after an acknowledged one starts a new alert in it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void raise(UUID consultationId) {
        Optional<AlertState> existing = find(consultationId, false);
        if (existing.isPresent() && !existing.get().acknowledged()) {
            return;
        }
        existing.ifPresent(old -> jdbc.sql("DELETE FROM safety_alert WHERE alert_id = ?")
                .param(old.alertId().toString()).update());
        Instant now = now();
        UUID alertId = UUID.randomUUID();
        jdbc.sql("INSERT INTO safety_alert (" + COLUMNS + ") VALUES (?, ?, 1, ?, ?, ?, NULL, NULL, NULL)")
                .params(alertId.toString(), consultationId.toString(), utc(now), utc(now), utc(now.plus(repeat)))
                .update();
        outbox.append(new SafetyAlert(consultationId, alertId, 1, now));
    }

    /** Raises again every unacknowledged alert that is due; returns how many. */
    @Transactional
    public int repeatDue() {
        Instant now = now();
        List<AlertState> due = jdbc.sql("SELECT " + COLUMNS + """
                         FROM safety_alert WHERE acknowledged_at IS NULL AND withdrawn_at IS NULL AND next_due_at <= ?
                        ORDER BY next_due_at LIMIT ? FOR UPDATE""")
                .params(utc(now), BATCH_SIZE).query((rs, n) -> toState(rs)).list();
        int raised = 0;
        for (AlertState alert : due) {
            int sequence = alert.sequence() + 1;
            // due again one interval from now, not from the missed time: no burst after a long outage; the guard
            // skips an alert acknowledged or withdrawn while this batch waited for its row
            int updated = jdbc.sql("""
                            UPDATE safety_alert SET sequence = ?, last_raised_at = ?, next_due_at = ?
                            WHERE alert_id = ? AND acknowledged_at IS NULL AND withdrawn_at IS NULL""")
                    .params(sequence, utc(now), utc(now.plus(repeat)), alert.alertId().toString()).update();
            if (updated == 1) {
                outbox.append(new SafetyAlert(alert.consultationId(), alert.alertId(), sequence, now));
                raised++;
            }
        }
        return raised;
    }

    /**
     * Stops the repeats; a second acknowledgement changes nothing and answers the same state. A withdrawn alert
     * (the consultation was cancelled) has already stopped: it answers its state unchanged, announcing nothing.
     */
    @Transactional
    public AlertState acknowledge(UUID consultationId, String clinician) {
        AlertState alert = find(consultationId, true).orElseThrow(NotFoundException::new);
        if (alert.acknowledged() || alert.withdrawn()) {
            return alert;
        }
        Instant now = now();
        jdbc.sql("UPDATE safety_alert SET acknowledged_at = ?, acknowledged_by = ?, next_due_at = NULL WHERE alert_id = ?")
                .params(utc(now), clinician, alert.alertId().toString()).update();
        outbox.append(new SafetyAcknowledged(consultationId, alert.alertId(), now));
        return find(consultationId, false).orElseThrow();
    }

    /**
     * The consultation was cancelled: an alert still open repeats no more and is announced as withdrawn, once, in the
     * caller's transaction. An acknowledged or already withdrawn alert is left as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdraw(UUID consultationId, Instant at) {
        Optional<AlertState> open = find(consultationId, true).filter(a -> !a.acknowledged() && !a.withdrawn());
        open.ifPresent(alert -> {
            jdbc.sql("UPDATE safety_alert SET withdrawn_at = ?, next_due_at = NULL WHERE alert_id = ?")
                    .params(utc(at), alert.alertId().toString()).update();
            outbox.append(new SafetyWithdrawn(consultationId, alert.alertId(), at));
        });
    }

    /** Open alerts (neither acknowledged nor withdrawn) oldest first, or every alert newest first. */
    @Transactional(readOnly = true)
    public AlertState.Page list(boolean open, Paging paging) {
        String where = open ? " WHERE acknowledged_at IS NULL AND withdrawn_at IS NULL" : "";
        String order = open ? " ORDER BY raised_at, alert_id" : " ORDER BY raised_at DESC, alert_id";
        List<AlertState> items = jdbc.sql("SELECT " + COLUMNS + " FROM safety_alert" + where + order
                        + " LIMIT ? OFFSET ?")
                .params(paging.size(), paging.offset()).query((rs, n) -> toState(rs)).list();
        long total = jdbc.sql("SELECT COUNT(*) FROM safety_alert" + where).query(Long.class).single();
        return new AlertState.Page(items, paging.page(), paging.size(), total);
    }

    private Optional<AlertState> find(UUID consultationId, boolean forUpdate) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM safety_alert WHERE consultation_id = ?"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .param(consultationId.toString()).query((rs, n) -> toState(rs)).optional();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static AlertState toState(ResultSet rs) throws SQLException {
        Instant acknowledgedAt = instant(rs, "acknowledged_at");
        Instant withdrawnAt = instant(rs, "withdrawn_at");
        return new AlertState(UUID.fromString(rs.getString("consultation_id")), UUID.fromString(rs.getString("alert_id")),
                rs.getInt("sequence"), instant(rs, "raised_at"), instant(rs, "last_raised_at"),
                instant(rs, "next_due_at"), acknowledgedAt != null, acknowledgedAt, rs.getString("acknowledged_by"),
                withdrawnAt != null, withdrawnAt);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
