package com.housecall.screening.rules;

import java.util.List;

/** A ruleset's verdict: the most serious outcome, every matching reason, and the scores. */
public record Decision(Outcome outcome, String rulesetVersion, List<Reason> reasons, Score phq9, Score gad7) {

    public boolean hasReasonOf(Outcome outcome) {
        return reasons.stream().anyMatch(r -> r.outcome() == outcome);
    }
}
