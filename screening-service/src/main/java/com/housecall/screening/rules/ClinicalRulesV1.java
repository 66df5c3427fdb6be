package com.housecall.screening.rules;

import static com.housecall.clinical.Condition.ANEURYSM_OR_AVM;
import static com.housecall.clinical.Condition.ARRHYTHMIA;
import static com.housecall.clinical.Condition.BLADDER_DISEASE;
import static com.housecall.clinical.Condition.CARDIOVASCULAR_DISEASE;
import static com.housecall.clinical.Condition.CURRENT_MANIA;
import static com.housecall.clinical.Condition.GLAUCOMA;
import static com.housecall.clinical.Condition.HYPERTHYROIDISM;
import static com.housecall.clinical.Condition.INTRACEREBRAL_HEMORRHAGE;
import static com.housecall.clinical.Condition.INTRACRANIAL_PRESSURE;
import static com.housecall.clinical.Condition.KETAMINE_ALLERGY;
import static com.housecall.clinical.Condition.KETAMINE_MISUSE_HISTORY;
import static com.housecall.clinical.Condition.LIVER_DISEASE;
import static com.housecall.clinical.Condition.PSYCHOSIS_HISTORY;
import static com.housecall.clinical.Condition.SCHIZOPHRENIA;
import static com.housecall.clinical.Condition.UNCONTROLLED_HYPERTENSION;
import static com.housecall.screening.rules.Outcome.CRISIS;
import static com.housecall.screening.rules.Outcome.INELIGIBLE;
import static com.housecall.screening.rules.Outcome.REVIEW;
import static com.housecall.screening.rules.Rule.when;

import com.housecall.clinical.Phq9;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CLINICAL-RULES.md section 1, version 1: one rule per code. */
public final class ClinicalRulesV1 {

    public static final String VERSION = "1";

    private ClinicalRulesV1() {
    }

    public static Ruleset ruleset(Thresholds t, MedicationTable medications) {
        return new Ruleset(VERSION, List.of(
                when(i -> Phq9.selfHarmReported(i.phq9()), "PHQ9_ITEM9_POSITIVE", CRISIS,
                        "Thoughts of self-harm were reported: a clinician must speak with the patient first."),
                when(i -> i.age() < t.adultAge(), "AGE_UNDER_18", INELIGIBLE,
                        "At-home treatment is for adults only."),
                when(Intake::pregnant, "PREGNANT", INELIGIBLE, "Not offered during pregnancy."),
                when(Intake::breastfeeding, "BREASTFEEDING", INELIGIBLE, "Not offered while breastfeeding."),
                when(i -> i.hasAnyCondition(PSYCHOSIS_HISTORY, SCHIZOPHRENIA, CURRENT_MANIA),
                        "PSYCHOTIC_DISORDER", INELIGIBLE, "A psychotic disorder or current mania excludes treatment."),
                when(Intake::alcoholUseDisorder, "ALCOHOL_USE_DISORDER", INELIGIBLE,
                        "An alcohol use disorder excludes at-home treatment."),
                when(i -> i.substanceUseDisorder() || i.hasAnyCondition(KETAMINE_MISUSE_HISTORY),
                        "SUBSTANCE_USE_DISORDER", INELIGIBLE, "A substance use disorder excludes at-home treatment."),
                when(i -> i.hasAnyCondition(UNCONTROLLED_HYPERTENSION) || (i.hasBloodPressure()
                                && (i.systolic() >= t.severeSystolic() || i.diastolic() >= t.severeDiastolic())),
                        "SEVERE_HYPERTENSION", INELIGIBLE, "Blood pressure is too high for treatment."),
                when(i -> i.hasAnyCondition(INTRACRANIAL_PRESSURE, ANEURYSM_OR_AVM, INTRACEREBRAL_HEMORRHAGE),
                        "NEUROVASCULAR_RISK", INELIGIBLE, "A neurovascular condition excludes treatment."),
                when(i -> i.hasAnyCondition(KETAMINE_ALLERGY), "KETAMINE_ALLERGY", INELIGIBLE,
                        "An allergy to the medicine excludes treatment."),
                interactingMedications(medications),
                when(i -> i.failedAntidepressantTrials() < t.minFailedTrials(), "TRD_NOT_ESTABLISHED", REVIEW,
                        "Fewer than two antidepressant trials were reported."),
                when(i -> i.hasBloodPressure() && i.systolic() < t.severeSystolic() && i.diastolic() < t.severeDiastolic()
                                && (i.systolic() >= t.elevatedSystolic() || i.diastolic() >= t.elevatedDiastolic()),
                        "ELEVATED_BLOOD_PRESSURE", REVIEW, "Blood pressure is elevated."),
                when(i -> !i.hasBloodPressure(), "BLOOD_PRESSURE_MISSING", REVIEW, "No blood pressure was given."),
                when(i -> i.hasAnyCondition(CARDIOVASCULAR_DISEASE, ARRHYTHMIA, HYPERTHYROIDISM, GLAUCOMA,
                        LIVER_DISEASE, BLADDER_DISEASE), "MEDICAL_CONDITION", REVIEW,
                        "A medical condition needs a clinician's review."),
                when(i -> !i.inPersonEvaluationCompleted(), "NO_IN_PERSON_EVALUATION", REVIEW,
                        "A prescriber must see the patient in person before treatment at home."),
                when(i -> Score.phq9(i.phq9()).total() < t.minPhq9Total(), "MILD_SYMPTOMS", REVIEW,
                        "Depression symptoms are mild.")));
    }

    /** One reason per interacting drug; the drug and its class go in the clinician-only detail. */
    static Rule interactingMedications(MedicationTable table) {
        return intake -> {
            Map<String, MedicationTable.Match> found = new LinkedHashMap<>();
            for (String entry : intake.medications()) {
                table.match(entry).ifPresent(match -> found.putIfAbsent(match.generic(), match));
            }
            return found.values().stream().map(match -> new Reason("INTERACTING_MEDICATION", REVIEW,
                    "A reported medication interacts with the treatment.",
                    "Interacting medication: " + match.generic() + " (" + match.drugClass() + ")")).toList();
        };
    }
}
