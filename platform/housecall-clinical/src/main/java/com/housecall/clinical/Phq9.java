package com.housecall.clinical;

import java.util.List;

/**
 * The PHQ-9 questionnaire's one rule that cannot wait for screening (CLINICAL-RULES.md section 1, CRISIS): item 9,
 * "thoughts that you would be better off dead, or of hurting yourself", answered 1 or more. Booking shows crisis
 * resources on it in the same answer and holds a course on it; screening raises the safety alert on it.
 */
public final class Phq9 {

    /** Nine items, each answered 0-3. */
    public static final int ITEMS = 9;
    /** The zero-based index of item 9. */
    public static final int SELF_HARM_ITEM = 8;

    private Phq9() {
    }

    /** True when item 9 is answered 1 or more: the crisis pathway, whatever the rest of the answers say. */
    public static boolean selfHarmReported(List<Integer> answers) {
        if (answers == null || answers.size() != ITEMS) {
            throw new IllegalArgumentException("PHQ-9 has " + ITEMS + " answers");
        }
        Integer item9 = answers.get(SELF_HARM_ITEM);
        return item9 != null && item9 >= 1;
    }
}
