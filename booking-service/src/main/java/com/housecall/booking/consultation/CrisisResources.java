package com.housecall.booking.consultation;

import com.housecall.clinical.Phq9;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Shown at once when PHQ-9 item 9 is answered 1 or more (CLINICAL-RULES.md, CRISIS). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CrisisResources(String name, String phone, String text) {

    static final List<CrisisResources> ALL = List.of(
            new CrisisResources("Emergency", "911", null),
            new CrisisResources("988 Suicide & Crisis Lifeline", "988", "988"));

    static boolean needed(List<Integer> phq9) {
        return Phq9.selfHarmReported(phq9);
    }
}
