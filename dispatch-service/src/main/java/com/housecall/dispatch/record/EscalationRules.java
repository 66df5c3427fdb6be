package com.housecall.dispatch.record;

import com.housecall.events.dispatch.EscalationReason;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When an entry calls the on-call clinician at once (CLINICAL-RULES.md section 6, DECISIONS 45): vitals past a
 * threshold, a severe adverse event, or, before the infusion, a blood pressure that blocks it.
 */
final class EscalationRules {

    private EscalationRules() {
    }

    /** The reasons this entry escalates; empty when it does not. {@code beforeInfusion}: the infusion has not begun. */
    static List<EscalationReason> reasons(EntryForm entry, boolean beforeInfusion, Thresholds limits) {
        List<EscalationReason> reasons = new ArrayList<>();
        if (entry.kind() == EntryKind.ADVERSE_EVENT && entry.severity() == Severity.SEVERE) {
            reasons.add(EscalationReason.SEVERE_ADVERSE_EVENT);
        }
        if (entry.kind() != EntryKind.VITALS) {
            return reasons;
        }
        if (beforeInfusion && RecordState.preInfusionHigh(entry, limits)) {
            reasons.add(EscalationReason.PRE_INFUSION_BLOOD_PRESSURE);
        }
        if (atLeast(entry.systolic(), limits.escalateSystolic())
                || atLeast(entry.diastolic(), limits.escalateDiastolic())) {
            reasons.add(EscalationReason.BLOOD_PRESSURE_HIGH);
        }
        if (below(entry.spo2(), limits.minSpo2())) {
            reasons.add(EscalationReason.SPO2_LOW);
        }
        if (below(entry.heartRate(), limits.minHeartRate())) {
            reasons.add(EscalationReason.HEART_RATE_LOW);
        }
        if (entry.heartRate() != null && entry.heartRate() > limits.maxHeartRate()) {
            reasons.add(EscalationReason.HEART_RATE_HIGH);
        }
        if (below(entry.respiratoryRate(), limits.minRespiratoryRate())) {
            reasons.add(EscalationReason.RESPIRATORY_RATE_LOW);
        }
        return reasons;
    }

    private static boolean atLeast(@Nullable Integer value, int threshold) {
        return value != null && value >= threshold;
    }

    private static boolean below(@Nullable Integer value, int threshold) {
        return value != null && value < threshold;
    }
}
