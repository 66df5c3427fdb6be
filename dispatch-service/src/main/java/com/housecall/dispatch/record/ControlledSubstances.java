package com.housecall.dispatch.record;

import com.housecall.security.problem.ConflictException;
import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import com.housecall.security.problem.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The controlled substance log of a nurse (CLINICAL-RULES.md section 6, DECISIONS 44; 21 CFR 1304): stock
 * received and returned (recorded by an operator) and every visit's draws with their reconciliation make one
 * running balance, exported as CSV. The visits' figures come from their records: nothing is kept twice.
 */
@Service
class ControlledSubstances {

    enum StockKind { STOCK_RECEIVED, STOCK_RETURNED }

    record StockForm(@Nullable StockKind kind, @Nullable String lot, @Nullable BigDecimal amountMg) {
    }

    record StockEntry(UUID id, UUID nurseId, StockKind kind, String lot, BigDecimal amountMg, Instant at,
                      BigDecimal balanceMg) {
    }

    /** One line of the log, oldest first; a visit's line has its draws and, once reconciled, the rest. */
    record Line(Instant at, String entry, @Nullable UUID visitId, String lot, BigDecimal receivedMg,
                BigDecimal returnedMg, BigDecimal drawnMg, @Nullable BigDecimal administeredMg,
                @Nullable BigDecimal wastedMg, @Nullable String witness) {

        BigDecimal change() {
            return receivedMg.subtract(returnedMg).subtract(drawnMg);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ControlledSubstances(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Records stock received or returned; returning more than the nurse holds is refused (409). */
    @Transactional
    public StockEntry stock(UUID nurseId, StockForm form, String operator) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.kind() == null) {
            problems.add(new FieldProblem("kind", "is required: STOCK_RECEIVED or STOCK_RETURNED"));
        }
        String lot = form.lot() == null ? null : form.lot().strip();
        if (lot == null || lot.isEmpty() || lot.length() > 40) {
            problems.add(new FieldProblem("lot", "is required: the lot number, at most 40 characters"));
        }
        BigDecimal amount = form.amountMg();
        if (amount == null || amount.signum() <= 0 || amount.compareTo(BigDecimal.valueOf(100_000)) > 0
                || amount.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem("amountMg", "must be above 0 and at most 100000 mg, with at most 2 "
                    + "decimals"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        // one stock change per nurse at a time: the balance check below must see the last one
        jdbc.sql("SELECT id FROM nurse WHERE id = ? FOR UPDATE").param(nurseId).query(UUID.class).optional()
                .orElseThrow(NotFoundException::new);
        BigDecimal balance = balance(nurseId);
        BigDecimal change = form.kind() == StockKind.STOCK_RECEIVED ? amount : amount.negate();
        if (balance.add(change).signum() < 0) {
            throw new ConflictException("The nurse holds less than that: a return cannot exceed the balance.");
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        jdbc.sql("""
                        INSERT INTO nurse_stock (entry_id, nurse_id, kind, lot, amount_mg, entry_at, recorded_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, nurseId, form.kind().name(), lot, amount, RecordStore.utc(now), operator).update();
        return new StockEntry(id, nurseId, form.kind(), lot, amount, now, balance.add(change));
    }

    /** The nurse's log, oldest first; an unknown nurse is 404. */
    @Transactional(readOnly = true)
    public List<Line> log(UUID nurseId) {
        if (jdbc.sql("SELECT COUNT(*) FROM nurse WHERE id = ?").param(nurseId).query(Long.class).single() == 0) {
            throw new NotFoundException();
        }
        List<Line> lines = new ArrayList<>(jdbc.sql("""
                        SELECT kind, lot, amount_mg, entry_at FROM nurse_stock WHERE nurse_id = ? ORDER BY id""")
                .param(nurseId)
                .query((rs, row) -> {
                    boolean received = StockKind.STOCK_RECEIVED.name().equals(rs.getString("kind"));
                    BigDecimal amount = rs.getBigDecimal("amount_mg");
                    return new Line(java.util.Objects.requireNonNull(RecordStore.instant(rs, "entry_at")),
                            rs.getString("kind"), null, rs.getString("lot"), received ? amount : BigDecimal.ZERO,
                            received ? BigDecimal.ZERO : amount, BigDecimal.ZERO, null, null, null);
                }).list());
        lines.addAll(visits(nurseId));
        lines.sort(Comparator.comparing(Line::at));
        return lines;
    }

    private BigDecimal balance(UUID nurseId) {
        return log(nurseId).stream().map(Line::change).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One line per visit with draws: when the first was, its lots, mg drawn, then its reconciliation. */
    private List<Line> visits(UUID nurseId) {
        Map<UUID, Line> byVisit = new LinkedHashMap<>();
        jdbc.sql("SELECT visit_id, body FROM visit_record_entry WHERE nurse_id = ? AND kind IN ('DRAW', 'RECONCILE') "
                        + "ORDER BY id")
                .param(nurseId)
                .query((rs, row) -> Map.entry(rs.getObject("visit_id", UUID.class),
                        json.readValue(rs.getString("body"), EntryForm.class)))
                .list()
                .forEach(pair -> byVisit.compute(pair.getKey(), (visit, line) -> add(visit, line, pair.getValue())));
        return List.copyOf(byVisit.values());
    }

    private static Line add(UUID visit, @Nullable Line line, EntryForm entry) {
        if (entry.kind() == EntryKind.DRAW) {
            Instant at = java.util.Objects.requireNonNull(entry.at()).toInstant();
            String lot = java.util.Objects.requireNonNull(entry.lot());
            BigDecimal drawn = java.util.Objects.requireNonNull(entry.drawnMg());
            return line == null ? new Line(at, "VISIT", visit, lot, BigDecimal.ZERO, BigDecimal.ZERO, drawn, null,
                    null, null)
                    : new Line(line.at(), line.entry(), visit, line.lot().contains(lot) ? line.lot()
                    : line.lot() + " " + lot, BigDecimal.ZERO, BigDecimal.ZERO, line.drawnMg().add(drawn), null,
                    null, null);
        }
        return line == null ? null : new Line(line.at(), line.entry(), visit, line.lot(), BigDecimal.ZERO,
                BigDecimal.ZERO, line.drawnMg(), entry.administeredMg(), entry.wastedMg(), entry.witness());
    }
}
