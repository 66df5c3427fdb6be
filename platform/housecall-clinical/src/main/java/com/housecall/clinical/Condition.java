package com.housecall.clinical;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The condition codes an intake may report (CONTRACT.md section 3, {@code intake.conditions}): booking refuses any
 * other code, screening's rules read them (CLINICAL-RULES.md section 1).
 */
public enum Condition {
    PSYCHOSIS_HISTORY,
    SCHIZOPHRENIA,
    CURRENT_MANIA,
    KETAMINE_MISUSE_HISTORY,
    UNCONTROLLED_HYPERTENSION,
    INTRACRANIAL_PRESSURE,
    ANEURYSM_OR_AVM,
    INTRACEREBRAL_HEMORRHAGE,
    KETAMINE_ALLERGY,
    CARDIOVASCULAR_DISEASE,
    ARRHYTHMIA,
    HYPERTHYROIDISM,
    GLAUCOMA,
    LIVER_DISEASE,
    BLADDER_DISEASE;

    private static final Set<String> CODES = Arrays.stream(values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    /** Whether a code from a request is one of these, exactly as written. */
    public static boolean isKnown(String code) {
        return CODES.contains(code);
    }
}
