package com.housecall.events.screening;

import com.housecall.events.ConsultationEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code screening.completed}: the ruleset's outcome with every matching reason. Reason messages are fixed
 * per code and never quote the patient's answers.
 */
public record ScreeningCompleted(UUID consultationId, String outcome, String rulesetVersion, List<Reason> reasons,
                                 Score phq9, Score gad7, Instant completedAt) implements ConsultationEvent {

    public record Reason(String code, String message) {
    }

    public record Score(int total, String band) {
    }
}
