package com.housecall.events.dispatch;

/**
 * Why a visit escalated (CLINICAL-RULES.md section 6): codes only, never the values that crossed a threshold.
 */
public enum EscalationReason {
    /** Before the infusion: systolic or diastolic at the screening's exclusion level; the infusion is blocked. */
    PRE_INFUSION_BLOOD_PRESSURE,
    BLOOD_PRESSURE_HIGH,
    SPO2_LOW,
    HEART_RATE_LOW,
    HEART_RATE_HIGH,
    RESPIRATORY_RATE_LOW,
    SEVERE_ADVERSE_EVENT,
    /** No vitals for longer than the allowed gap during the infusion or the observation. */
    VITALS_OVERDUE
}
