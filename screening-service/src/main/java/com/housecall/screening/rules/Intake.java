package com.housecall.screening.rules;

import com.housecall.clinical.Condition;
import java.util.List;
import java.util.Set;

/** What the rules look at. {@code systolic}/{@code diastolic} are null when no blood pressure was given. */
public record Intake(int age, List<Integer> phq9, List<Integer> gad7, int failedAntidepressantTrials,
                     Set<String> conditions, List<String> medications, boolean alcoholUseDisorder,
                     boolean substanceUseDisorder, boolean pregnant, boolean breastfeeding, Integer systolic,
                     Integer diastolic, boolean inPersonEvaluationCompleted) {

    boolean hasAnyCondition(Condition... codes) {
        for (Condition code : codes) {
            if (conditions.contains(code.name())) {
                return true;
            }
        }
        return false;
    }

    boolean hasBloodPressure() {
        return systolic != null && diastolic != null;
    }
}
