package com.housecall.dispatch.record;

import com.housecall.security.problem.FieldProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A visit's record so far (entries in the order recorded) and the rules across its entries: what a status move
 * needs (CLINICAL-RULES.md section 6) and what a new controlled-substance entry must agree with (DECISIONS 44).
 */
final class RecordState {

    private final List<EntryForm> entries;

    RecordState(List<EntryForm> entries) {
        this.entries = List.copyOf(entries);
    }

    /** What is missing before the visit may move to {@code target}; empty when nothing is. */
    List<String> missingFor(String target, Instant now, Thresholds limits, boolean escalationOpen) {
        List<String> missing = new ArrayList<>();
        if ("INFUSION_STARTED".equals(target)) {
            infusion(now, limits, escalationOpen, missing);
        } else if ("COMPLETED".equals(target)) {
            if (last(EntryKind.RECONCILE).isEmpty()) {
                missing.add("a RECONCILE entry (drawn = administered + wasted, wastage witnessed)");
            }
            if (last(EntryKind.DISCHARGE).filter(d -> Boolean.TRUE.equals(d.alert())
                    && Boolean.TRUE.equals(d.escort())).isEmpty()) {
                missing.add("a DISCHARGE entry with alert true and an escort or ride noted (escort true)");
            }
        }
        return missing;
    }

    private void infusion(Instant now, Thresholds limits, boolean escalationOpen, List<String> missing) {
        Optional<EntryForm> vitals = latest(EntryKind.VITALS);
        if (vitals.isEmpty() || at(vitals.get()).isBefore(now.minus(limits.vitalsFresh()))) {
            missing.add("a VITALS entry in the last " + limits.vitalsFresh().toMinutes() + " minutes");
        } else if (preInfusionHigh(vitals.get(), limits)) {
            missing.add("a blood pressure below " + limits.blockSystolic() + "/" + limits.blockDiastolic()
                    + " mmHg (the latest VITALS is at or above it; the on-call clinician was called)");
        }
        Optional<EntryForm> dose = last(EntryKind.DOSE);
        if (dose.isEmpty()) {
            missing.add("a DOSE entry (weight, mg/kg, total, lot, expiry)");
        } else {
            BigDecimal drawn = drawnMg(dose.get().lot());
            if (drawn.signum() == 0) {
                missing.add("a DRAW entry for the dose's lot");
            } else if (drawn.compareTo(Objects.requireNonNull(dose.get().totalMg())) < 0) {
                missing.add("a DRAW of at least the dose's totalMg from the dose's lot");
            }
        }
        if (escalationOpen) {
            missing.add("the on-call clinician's acknowledgement of the open escalation");
        }
    }

    /** A conflict with the record so far (409), or empty; the entry itself is already well formed. */
    Optional<String> conflict(EntryForm entry) {
        boolean reconciled = last(EntryKind.RECONCILE).isPresent();
        return switch (Objects.requireNonNull(entry.kind())) {
            case DRAW -> reconciled ? Optional.of("The controlled substances are already reconciled: no DRAW after "
                    + "RECONCILE.") : Optional.empty();
            case RECONCILE -> reconciled ? Optional.of("The visit is already reconciled: entries are append-only.")
                    : last(EntryKind.DRAW).isEmpty() ? Optional.of("Nothing to reconcile: no DRAW recorded.")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** A RECONCILE must account for every mg drawn: drawn = administered + wasted (DECISIONS 44). */
    List<FieldProblem> discrepancy(EntryForm reconcile) {
        if (reconcile.kind() != EntryKind.RECONCILE || reconcile.administeredMg() == null
                || reconcile.wastedMg() == null) {
            return List.of();
        }
        BigDecimal accounted = reconcile.administeredMg().add(reconcile.wastedMg());
        return accounted.compareTo(drawnMg(null)) == 0 ? List.of() : List.of(new FieldProblem("administeredMg",
                "administeredMg + wastedMg must equal the mg drawn in this visit's DRAW entries"));
    }

    /** Before the infusion, a pressure at or above the block level stops it (DECISIONS 45). */
    static boolean preInfusionHigh(EntryForm vitals, Thresholds limits) {
        return vitals.systolic() != null && vitals.systolic() >= limits.blockSystolic()
                || vitals.diastolic() != null && vitals.diastolic() >= limits.blockDiastolic();
    }

    /** The mg drawn in this visit, from one lot or (null) from all. */
    BigDecimal drawnMg(@Nullable String lot) {
        return entries.stream().filter(e -> e.kind() == EntryKind.DRAW)
                .filter(e -> lot == null || lot.equals(e.lot()))
                .map(e -> Objects.requireNonNull(e.drawnMg())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    Optional<Instant> lastVitalsAt() {
        return latest(EntryKind.VITALS).map(RecordState::at);
    }

    /** The most recently recorded entry of a kind. */
    Optional<EntryForm> last(EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).reduce((first, second) -> second);
    }

    /** The entry of a kind with the latest {@code at}: what was measured last, whenever it was typed in. */
    private Optional<EntryForm> latest(EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).max(Comparator.comparing(RecordState::at));
    }

    private static Instant at(EntryForm entry) {
        return Objects.requireNonNull(entry.at()).toInstant();
    }
}
