package com.housecall.screening.rules;

import java.util.List;

/** A versioned list of rules; the decision lists every match, not only the first. */
public record Ruleset(String version, List<Rule> rules) {

    public Decision decide(Intake intake) {
        List<Reason> reasons = rules.stream().flatMap(rule -> rule.apply(intake).stream()).toList();
        Outcome outcome = Outcome.ELIGIBLE;
        for (Reason reason : reasons) {
            if (reason.outcome().outranks(outcome)) {
                outcome = reason.outcome();
            }
        }
        return new Decision(outcome, version, reasons, Score.phq9(intake.phq9()),
                intake.gad7() == null ? null : Score.gad7(intake.gad7()));
    }
}
