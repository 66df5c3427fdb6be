package com.housecall.booking.consultation;

import com.housecall.events.screening.ScreeningOutcome;
import java.util.Set;

/** CONTRACT.md section 4. Final states never change again. */
public enum ConsultationStatus {
    REQUESTED, SCREENING, INELIGIBLE, IN_REVIEW, SAFETY_HOLD, SCHEDULING, CONFIRMED, UNFULFILLED, COMPLETED, CANCELLED;

    private static final Set<ConsultationStatus> FINAL = Set.of(INELIGIBLE, CANCELLED, COMPLETED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** The status a screening outcome leads to (CLINICAL-RULES.md section 1). */
    public static ConsultationStatus afterScreening(ScreeningOutcome outcome) {
        return switch (outcome) {
            case CRISIS -> SAFETY_HOLD;
            case INELIGIBLE -> INELIGIBLE;
            case REVIEW -> IN_REVIEW;
            case ELIGIBLE -> SCHEDULING;
        };
    }
}
