package com.housecall.events.screening;

/**
 * The ruleset's outcome of a case (CLINICAL-RULES.md section 1): ELIGIBLE goes on to scheduling, REVIEW waits for a
 * clinician, INELIGIBLE ends, CRISIS holds for safety.
 */
public enum ScreeningOutcome {
    ELIGIBLE, REVIEW, INELIGIBLE, CRISIS
}
