package com.housecall.dispatch.record;

import com.housecall.security.problem.FieldProblem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether one entry is well formed on its own (DECISIONS 45): each kind's fields present and in range, {@code at}
 * within the visit (not before the arrival) and at most {@link Thresholds#maxEntryAge()} in the past. Problems name
 * the field, never its value. Rules across entries are {@link RecordState}'s.
 */
final class EntryRules {

    /** A phone's clock may run a little ahead of the server's. */
    static final Duration SKEW = Duration.ofMinutes(1);
    static final int TEXT_MAX = 500;

    private EntryRules() {
    }

    static List<FieldProblem> problems(EntryForm form, Instant arrivedAt, Instant now, String recorder,
                                       Thresholds limits) {
        List<FieldProblem> problems = new ArrayList<>();
        if (form.kind() == null) {
            problems.add(new FieldProblem("kind", "is required: one of VITALS, DOSE, DRAW, RECONCILE, "
                    + "ADVERSE_EVENT, DISCHARGE"));
            return problems;
        }
        at(form, arrivedAt, now, limits.maxEntryAge(), problems);
        switch (form.kind()) {
            case VITALS -> vitals(form, problems);
            case DOSE -> dose(form, limits, problems);
            case DRAW -> {
                lot(form.lot(), problems);
                mg("drawnMg", form.drawnMg(), false, problems);
            }
            case RECONCILE -> reconcile(form, recorder, problems);
            case ADVERSE_EVENT -> {
                required("code", form.code(), problems);
                required("severity", form.severity(), problems);
                text("action", form.action(), problems);
            }
            case DISCHARGE -> {
                required("alert", form.alert(), problems);
                required("escort", form.escort(), problems);
                text("notes", form.notes(), problems);
            }
        }
        return problems;
    }

    /** The entry with only its kind's fields, {@code at} in UTC, text stripped: what the record keeps. */
    static EntryForm kept(EntryForm f) {
        EntryKind kind = f.kind();
        boolean vitals = kind == EntryKind.VITALS;
        boolean dose = kind == EntryKind.DOSE;
        boolean reconcile = kind == EntryKind.RECONCILE;
        boolean adverse = kind == EntryKind.ADVERSE_EVENT;
        boolean discharge = kind == EntryKind.DISCHARGE;
        return new EntryForm(kind, f.at() == null ? null : f.at().withOffsetSameInstant(ZoneOffset.UTC),
                vitals ? f.systolic() : null, vitals ? f.diastolic() : null, vitals ? f.heartRate() : null,
                vitals ? f.spo2() : null, vitals ? f.respiratoryRate() : null,
                dose ? f.weightKg() : null, dose ? f.mgPerKg() : null, dose ? f.totalMg() : null,
                dose || kind == EntryKind.DRAW ? strip(f.lot()) : null, dose ? f.expiry() : null,
                dose ? f.minutes() : null, kind == EntryKind.DRAW ? f.drawnMg() : null,
                reconcile ? f.administeredMg() : null, reconcile ? f.wastedMg() : null,
                reconcile ? strip(f.witness()) : null, adverse ? f.code() : null, adverse ? f.severity() : null,
                adverse ? strip(f.action()) : null, discharge ? f.alert() : null, discharge ? f.escort() : null,
                discharge ? strip(f.notes()) : null);
    }

    private static void at(EntryForm form, Instant arrivedAt, Instant now, Duration maxAge,
                           List<FieldProblem> problems) {
        if (form.at() == null) {
            problems.add(new FieldProblem("at", "is required: when it was measured or done, with its offset"));
            return;
        }
        Instant at = form.at().toInstant();
        if (at.isAfter(now.plus(SKEW))) {
            problems.add(new FieldProblem("at", "must not be in the future"));
        } else if (at.isBefore(now.minus(maxAge))) {
            problems.add(new FieldProblem("at", "must be at most " + maxAge.toMinutes() + " minutes in the past"));
        } else if (at.isBefore(arrivedAt.minus(SKEW))) {
            problems.add(new FieldProblem("at", "must be within the visit: not before the nurse arrived"));
        }
    }

    private static void vitals(EntryForm f, List<FieldProblem> problems) {
        range("systolic", f.systolic(), 60, 260, problems);
        range("diastolic", f.diastolic(), 30, 160, problems);
        range("heartRate", f.heartRate(), 20, 250, problems);
        range("spo2", f.spo2(), 50, 100, problems);
        range("respiratoryRate", f.respiratoryRate(), 4, 60, problems);
        if (f.systolic() != null && f.diastolic() != null && f.systolic() <= f.diastolic()) {
            problems.add(new FieldProblem("systolic", "must be above diastolic"));
        }
    }

    private static void dose(EntryForm f, Thresholds limits, List<FieldProblem> problems) {
        decimal("weightKg", f.weightKg(), new BigDecimal("20"), new BigDecimal("350"), problems);
        BigDecimal perKg = f.mgPerKg();
        if (perKg == null) {
            problems.add(new FieldProblem("mgPerKg", "is required"));
        } else if (perKg.signum() <= 0 || perKg.compareTo(limits.maxMgPerKg()) > 0) {
            problems.add(new FieldProblem("mgPerKg", "must be above 0 and at most " + limits.maxMgPerKg()));
        }
        mg("totalMg", f.totalMg(), false, problems);
        if (f.weightKg() != null && perKg != null && f.totalMg() != null && f.totalMg().signum() > 0) {
            BigDecimal expected = f.weightKg().multiply(perKg, MathContext.DECIMAL64);
            BigDecimal allowed = expected.multiply(limits.doseTolerance(), MathContext.DECIMAL64);
            if (f.totalMg().subtract(expected).abs().compareTo(allowed) > 0) {
                problems.add(new FieldProblem("totalMg", "must be weightKg x mgPerKg within "
                        + limits.doseTolerance().movePointRight(2).stripTrailingZeros().toPlainString() + "%"));
            }
        }
        lot(f.lot(), problems);
        if (f.expiry() == null) {
            problems.add(new FieldProblem("expiry", "is required: the vial's expiry date"));
        } else if (f.at() != null && f.expiry().isBefore(f.at().toLocalDate())) {
            problems.add(new FieldProblem("expiry", "the vial has expired"));
        }
        range("minutes", f.minutes(), 10, 120, problems);
    }

    private static void reconcile(EntryForm f, String recorder, List<FieldProblem> problems) {
        mg("administeredMg", f.administeredMg(), true, problems);
        mg("wastedMg", f.wastedMg(), true, problems);
        String witness = strip(f.witness());
        if (f.wastedMg() != null && f.wastedMg().signum() > 0) {
            if (witness == null) {
                problems.add(new FieldProblem("witness", "is required when wastedMg is above 0: who saw the waste"));
            } else if (witness.equalsIgnoreCase(recorder)) {
                problems.add(new FieldProblem("witness", "must be someone other than the recording nurse"));
            }
        }
        if (witness != null && witness.length() > 100) {
            problems.add(new FieldProblem("witness", "must be at most 100 characters"));
        }
    }

    private static void lot(@Nullable String lot, List<FieldProblem> problems) {
        String value = strip(lot);
        if (value == null || value.length() > 40) {
            problems.add(new FieldProblem("lot", "is required: the vial's lot number, at most 40 characters"));
        }
    }

    private static void mg(String field, @Nullable BigDecimal value, boolean zeroAllowed, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required, in mg"));
        } else if (value.signum() < 0 || !zeroAllowed && value.signum() == 0
                || value.compareTo(BigDecimal.valueOf(1000)) > 0 || value.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldProblem(field, "must be " + (zeroAllowed ? "0" : "above 0") + " to 1000 mg, "
                    + "with at most 2 decimals"));
        }
    }

    private static void decimal(String field, @Nullable BigDecimal value, BigDecimal min, BigDecimal max,
                                List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(new FieldProblem(field, "must be " + min + " to " + max));
        }
    }

    private static void range(String field, @Nullable Integer value, int min, int max, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
        } else if (value < min || value > max) {
            problems.add(new FieldProblem(field, "must be " + min + " to " + max));
        }
    }

    private static void required(String field, @Nullable Object value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "is required"));
        }
    }

    private static void text(String field, @Nullable String value, List<FieldProblem> problems) {
        if (value != null && value.length() > TEXT_MAX) {
            problems.add(new FieldProblem(field, "must be at most " + TEXT_MAX + " characters"));
        }
    }

    private static @Nullable String strip(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
