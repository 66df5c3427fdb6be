package com.housecall.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClinicalRulesV1Test {

    static final Ruleset RULES = ClinicalRulesV1.ruleset(Thresholds.DEFAULTS, MedicationTable.standard());

    /** An intake that matches no rule: moderate depression, two failed trials, normal blood pressure. */
    static Intake eligible() {
        return new Intake(38, List.of(2, 2, 1, 2, 1, 2, 1, 1, 0), List.of(1, 1, 1, 1, 0, 0, 1), 2, Set.of(),
                List.of("sertraline 100 mg"), false, false, false, false, 124, 80, true);
    }

    static Intake withBloodPressure(Integer systolic, Integer diastolic) {
        Intake i = eligible();
        return new Intake(i.age(), i.phq9(), i.gad7(), i.failedAntidepressantTrials(), i.conditions(), i.medications(),
                false, false, false, false, systolic, diastolic, true);
    }

    static Intake withPhq9(List<Integer> phq9) {
        Intake i = eligible();
        return new Intake(i.age(), phq9, i.gad7(), 2, Set.of(), i.medications(), false, false, false, false, 124, 80, true);
    }

    static Intake withAge(int age) {
        Intake i = eligible();
        return new Intake(age, i.phq9(), i.gad7(), 2, Set.of(), i.medications(), false, false, false, false, 124, 80, true);
    }

    static Intake withConditions(String... conditions) {
        Intake i = eligible();
        return new Intake(38, i.phq9(), i.gad7(), 2, Set.of(conditions), i.medications(), false, false, false, false,
                124, 80, true);
    }

    static Intake withMedications(String... medications) {
        Intake i = eligible();
        return new Intake(38, i.phq9(), i.gad7(), 2, Set.of(), List.of(medications), false, false, false, false,
                124, 80, true);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no rule", eligible(), Outcome.ELIGIBLE, List.of()),
                Arguments.of("139/89", withBloodPressure(139, 89), Outcome.ELIGIBLE, List.of()),
                Arguments.of("140/89", withBloodPressure(140, 89), Outcome.REVIEW, List.of("ELEVATED_BLOOD_PRESSURE")),
                Arguments.of("139/90", withBloodPressure(139, 90), Outcome.REVIEW, List.of("ELEVATED_BLOOD_PRESSURE")),
                Arguments.of("159/99", withBloodPressure(159, 99), Outcome.REVIEW, List.of("ELEVATED_BLOOD_PRESSURE")),
                Arguments.of("160/99", withBloodPressure(160, 99), Outcome.INELIGIBLE, List.of("SEVERE_HYPERTENSION")),
                Arguments.of("159/100", withBloodPressure(159, 100), Outcome.INELIGIBLE, List.of("SEVERE_HYPERTENSION")),
                Arguments.of("no blood pressure", withBloodPressure(null, null), Outcome.REVIEW, List.of("BLOOD_PRESSURE_MISSING")),
                Arguments.of("PHQ-9 total 10", withPhq9(List.of(2, 2, 1, 1, 1, 1, 1, 1, 0)), Outcome.ELIGIBLE, List.of()),
                Arguments.of("PHQ-9 total 9", withPhq9(List.of(2, 2, 1, 1, 1, 1, 1, 0, 0)), Outcome.REVIEW, List.of("MILD_SYMPTOMS")),
                Arguments.of("item 9 is 1", withPhq9(List.of(2, 2, 1, 2, 1, 2, 1, 1, 1)), Outcome.CRISIS, List.of("PHQ9_ITEM9_POSITIVE")),
                Arguments.of("17", withAge(17), Outcome.INELIGIBLE, List.of("AGE_UNDER_18")),
                Arguments.of("18", withAge(18), Outcome.ELIGIBLE, List.of()),
                Arguments.of("psychosis", withConditions("PSYCHOSIS_HISTORY"), Outcome.INELIGIBLE, List.of("PSYCHOTIC_DISORDER")),
                Arguments.of("ketamine misuse", withConditions("KETAMINE_MISUSE_HISTORY"), Outcome.INELIGIBLE, List.of("SUBSTANCE_USE_DISORDER")),
                Arguments.of("uncontrolled hypertension", withConditions("UNCONTROLLED_HYPERTENSION"), Outcome.INELIGIBLE, List.of("SEVERE_HYPERTENSION")),
                Arguments.of("aneurysm", withConditions("ANEURYSM_OR_AVM"), Outcome.INELIGIBLE, List.of("NEUROVASCULAR_RISK")),
                Arguments.of("allergy", withConditions("KETAMINE_ALLERGY"), Outcome.INELIGIBLE, List.of("KETAMINE_ALLERGY")),
                Arguments.of("glaucoma", withConditions("GLAUCOMA"), Outcome.REVIEW, List.of("MEDICAL_CONDITION")),
                Arguments.of("Xanax", withMedications("XANAX 0.5mg tab"), Outcome.REVIEW, List.of("INTERACTING_MEDICATION")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRuleAtItsBoundary(String name, Intake intake, Outcome outcome, List<String> codes) {
        Decision decision = RULES.decide(intake);

        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactlyElementsOf(codes);
        assertThat(decision.rulesetVersion()).isEqualTo("1");
    }

    @Test
    void crisisOutranksEverythingAndEveryMatchIsListed() {
        Intake i = withPhq9(List.of(0, 0, 0, 0, 0, 0, 0, 0, 3));
        Intake crisisAndMore = new Intake(16, i.phq9(), null, 0, Set.of("GLAUCOMA"), List.of(), false, false, true,
                false, null, null, false);

        Decision decision = RULES.decide(crisisAndMore);

        assertThat(decision.outcome()).isEqualTo(Outcome.CRISIS);
        assertThat(decision.reasons()).extracting(Reason::code).containsExactly("PHQ9_ITEM9_POSITIVE", "AGE_UNDER_18",
                "PREGNANT", "TRD_NOT_ESTABLISHED", "BLOOD_PRESSURE_MISSING", "MEDICAL_CONDITION",
                "NO_IN_PERSON_EVALUATION", "MILD_SYMPTOMS");
        assertThat(decision.phq9()).isEqualTo(new Score(3, "MINIMAL"));
        assertThat(decision.gad7()).isNull();
    }

    @Test
    void theMedicationReasonNamesTheDrugOnlyInTheClinicianDetail() {
        Reason reason = RULES.decide(withMedications("Percocet 5/325")).reasons().getFirst();

        assertThat(reason.detail()).isEqualTo("Interacting medication: oxycodone (opioid)");
        assertThat(reason.message()).doesNotContain("oxycodone", "Percocet");
    }
}
