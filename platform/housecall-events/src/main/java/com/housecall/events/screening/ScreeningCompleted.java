package com.housecall.events.screening;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code screening.completed}: the ruleset's outcome with every matching reason. Reason messages are fixed
 * per code and never quote the patient's answers.
 */
public record ScreeningCompleted(UUID consultationId, @OperatorVisible ScreeningOutcome outcome,
                                 @OperatorVisible String rulesetVersion, @OperatorVisible List<Reason> reasons,
                                 Score phq9, Score gad7, @OperatorVisible Instant completedAt)
        implements ConsultationEvent {

    public record Reason(@OperatorVisible String code, @OperatorVisible String message) {
    }

    public record Score(int total, String band) {
    }
}
