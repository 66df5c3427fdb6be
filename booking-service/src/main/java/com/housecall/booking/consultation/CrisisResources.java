package com.housecall.booking.consultation;

import com.housecall.clinical.Phq9;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Shown at once when PHQ-9 item 9 is answered 1 or more (CLINICAL-RULES.md, CRISIS). {@code textMessage} is what to
 * text to {@code text} when the line asks for a word; {@code description} says when to use it (public list only).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CrisisResources(String name, String phone, String text, String textMessage, String description) {

    /** The request's answer (CONTRACT.md section 4): exactly these two. */
    static final List<CrisisResources> ALL = List.of(
            new CrisisResources("Emergency", "911", null, null, null),
            new CrisisResources("988 Suicide & Crisis Lifeline", "988", "988", null, null));

    /** {@code GET /api/crisis-resources}: the same lines, said in words, and the Crisis Text Line. */
    static final List<CrisisResources> PUBLIC = List.of(
            new CrisisResources("Emergency", "911", null, null, "If you are in immediate danger."),
            new CrisisResources("988 Suicide & Crisis Lifeline", "988", "988", null,
                    "Call or text any time, day or night."),
            new CrisisResources("Crisis Text Line", null, "741741", "HOME", "Text HOME to 741741 any time."));

    static boolean needed(List<Integer> phq9) {
        return Phq9.selfHarmReported(phq9);
    }
}
