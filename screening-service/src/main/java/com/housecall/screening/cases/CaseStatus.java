package com.housecall.screening.cases;

import com.housecall.screening.rules.Outcome;

/**
 * Screening's own case lifecycle (issue 13, DECISIONS 18): OPEN until a clinician decides (DECIDED) or the
 * consultation is cancelled first (WITHDRAWN). A fresh PHQ-9 before maintenance re-opens the case; a withdrawn one
 * stays withdrawn. Screening never sets the consultation's status: booking owns that.
 */
public enum CaseStatus {
    OPEN, DECIDED, WITHDRAWN;

    /** A REVIEW or CRISIS outcome waits for a clinician; the ruleset itself settles ELIGIBLE and INELIGIBLE. */
    public static CaseStatus afterScreening(Outcome outcome) {
        return outcome == Outcome.REVIEW || outcome == Outcome.CRISIS ? OPEN : DECIDED;
    }

    public boolean awaitsDecision() {
        return this == OPEN;
    }

    /** A clinician's decision settles an open case, and only an open one. */
    public CaseStatus decided() {
        if (this != OPEN) {
            throw new IllegalStateException("a " + this + " case cannot be decided");
        }
        return DECIDED;
    }

    /** A cancel withdraws an open case; a decided case keeps its decision, a withdrawn one stays as it is. */
    public CaseStatus withdrawn() {
        return this == OPEN ? WITHDRAWN : this;
    }

    /** A fresh PHQ-9 re-opens a decided case (an open one takes the fresher answers); a withdrawn case never. */
    public boolean reopenable() {
        return this != WITHDRAWN;
    }

    /**
     * The consultation status to show for a case screening just opened, before booking announces anything: booking
     * sends no event for IN_REVIEW, and {@code consultation.held} follows for SAFETY_HOLD. Null: nothing to show.
     */
    public static String shownStatus(Outcome outcome) {
        return switch (outcome) {
            case CRISIS -> "SAFETY_HOLD";
            case REVIEW -> "IN_REVIEW";
            case ELIGIBLE, INELIGIBLE -> null;
        };
    }
}
