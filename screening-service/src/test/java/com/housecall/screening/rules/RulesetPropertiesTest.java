package com.housecall.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * CLINICAL-RULES.md section 1's precedence as properties over any intake the contract admits: CRISIS always
 * wins, and adding a matching hard exclusion never gives a better outcome.
 */
@Label("Ruleset properties")
class RulesetPropertiesTest {

    static final Ruleset RULES = ClinicalRulesV1.ruleset(Thresholds.DEFAULTS, MedicationTable.standard());

    static final List<String> CONDITIONS = List.of("PSYCHOSIS_HISTORY", "SCHIZOPHRENIA", "CURRENT_MANIA",
            "KETAMINE_MISUSE_HISTORY", "UNCONTROLLED_HYPERTENSION", "INTRACRANIAL_PRESSURE", "ANEURYSM_OR_AVM",
            "INTRACEREBRAL_HEMORRHAGE", "KETAMINE_ALLERGY", "CARDIOVASCULAR_DISEASE", "ARRHYTHMIA", "HYPERTHYROIDISM",
            "GLAUCOMA", "LIVER_DISEASE", "BLADDER_DISEASE");

    static final List<String> MEDICATIONS = List.of("sertraline 100 mg", "XANAX 0.5mg tab", "Percocet 5/325",
            "hydromorphone", "vitamin d", "lisinopril 10mg", "Adderall XR 20 mg", "ibuprofen", "Lyrica", "aspirin");

    /** Every hard exclusion of the INELIGIBLE table, applied to an intake. */
    static final List<UnaryOperator<Intake>> EXCLUSIONS = List.of(
            i -> copy(i).age(Math.min(i.age(), 17)).build(),
            i -> copy(i).pregnant(true).build(),
            i -> copy(i).breastfeeding(true).build(),
            i -> copy(i).addCondition("PSYCHOSIS_HISTORY").build(),
            i -> copy(i).addCondition("SCHIZOPHRENIA").build(),
            i -> copy(i).addCondition("CURRENT_MANIA").build(),
            i -> copy(i).alcoholUseDisorder(true).build(),
            i -> copy(i).substanceUseDisorder(true).build(),
            i -> copy(i).addCondition("KETAMINE_MISUSE_HISTORY").build(),
            i -> copy(i).addCondition("UNCONTROLLED_HYPERTENSION").build(),
            i -> copy(i).bloodPressure(Math.max(160, i.systolic() == null ? 160 : i.systolic()),
                    i.diastolic() == null ? 80 : i.diastolic()).build(),
            i -> copy(i).bloodPressure(i.systolic() == null ? 170 : Math.max(i.systolic(), 101), 100).build(),
            i -> copy(i).addCondition("INTRACRANIAL_PRESSURE").build(),
            i -> copy(i).addCondition("ANEURYSM_OR_AVM").build(),
            i -> copy(i).addCondition("INTRACEREBRAL_HEMORRHAGE").build(),
            i -> copy(i).addCondition("KETAMINE_ALLERGY").build());

    @Property(tries = 1000)
    void crisisAlwaysWinsWhenItem9IsPositive(@ForAll("intakes") Intake intake, @ForAll("positive") int item9) {
        Intake crisis = copy(intake).item9(item9).build();

        Decision decision = RULES.decide(crisis);

        assertThat(decision.outcome()).isEqualTo(Outcome.CRISIS);
        assertThat(decision.reasons()).extracting(Reason::code).contains("PHQ9_ITEM9_POSITIVE");
    }

    @Property(tries = 1000)
    void noCrisisWithoutAPositiveItem9(@ForAll("intakes") Intake intake) {
        Intake calm = copy(intake).item9(0).build();

        assertThat(RULES.decide(calm).outcome()).isNotEqualTo(Outcome.CRISIS);
    }

    @Property(tries = 2000)
    void aMatchingExclusionNeverGivesABetterOutcome(@ForAll("intakes") Intake intake,
                                                    @ForAll("exclusions") int exclusion) {
        Outcome before = RULES.decide(intake).outcome();
        Decision after = RULES.decide(EXCLUSIONS.get(exclusion).apply(intake));

        assertThat(after.outcome().ordinal()).isGreaterThanOrEqualTo(before.ordinal());
        assertThat(after.outcome().ordinal()).isGreaterThanOrEqualTo(Outcome.INELIGIBLE.ordinal());
        assertThat(after.hasReasonOf(Outcome.INELIGIBLE)).isTrue();
    }

    @Provide
    Arbitrary<Integer> positive() {
        return Arbitraries.integers().between(1, 3);
    }

    @Provide
    Arbitrary<Integer> exclusions() {
        return Arbitraries.integers().between(0, EXCLUSIONS.size() - 1);
    }

    /** Intakes within CONTRACT.md section 4's limits. */
    @Provide
    Arbitrary<Intake> intakes() {
        Arbitrary<List<Integer>> phq9 = Arbitraries.integers().between(0, 3).list().ofSize(9);
        Arbitrary<List<Integer>> gad7 = Arbitraries.integers().between(0, 3).list().ofSize(7).injectNull(0.2);
        Arbitrary<Set<String>> conditions = Arbitraries.of(CONDITIONS).set().ofMaxSize(3);
        Arbitrary<List<String>> medications = Arbitraries.of(MEDICATIONS).list().ofMaxSize(5);
        Arbitrary<List<Integer>> bloodPressure = Combinators.combine(Arbitraries.integers().between(60, 260),
                        Arbitraries.integers().between(30, 160))
                .filter((systolic, diastolic) -> systolic > diastolic)
                .as((systolic, diastolic) -> List.of(systolic, diastolic)).injectNull(0.15);
        Arbitrary<List<Boolean>> flags = Arbitraries.of(true, false, false, false).list().ofSize(5);
        return Combinators.combine(Arbitraries.integers().between(10, 90), phq9, gad7,
                        Arbitraries.integers().between(0, 20), conditions, medications, bloodPressure, flags)
                .as((age, p, g, trials, c, m, bp, f) -> new Intake(age, p, g, trials, c, m, f.get(0), f.get(1),
                        f.get(2), f.get(3), bp == null ? null : bp.get(0), bp == null ? null : bp.get(1), !f.get(4)));
    }

    static Builder copy(Intake i) {
        return new Builder(i);
    }

    /** Changes one answer of an intake. */
    static final class Builder {
        private int age;
        private List<Integer> phq9;
        private final List<Integer> gad7;
        private final int trials;
        private final Set<String> conditions;
        private final List<String> medications;
        private boolean alcohol;
        private boolean substance;
        private boolean pregnant;
        private boolean breastfeeding;
        private Integer systolic;
        private Integer diastolic;
        private final boolean inPerson;

        Builder(Intake i) {
            age = i.age();
            phq9 = i.phq9();
            gad7 = i.gad7();
            trials = i.failedAntidepressantTrials();
            conditions = new HashSet<>(i.conditions());
            medications = i.medications();
            alcohol = i.alcoholUseDisorder();
            substance = i.substanceUseDisorder();
            pregnant = i.pregnant();
            breastfeeding = i.breastfeeding();
            systolic = i.systolic();
            diastolic = i.diastolic();
            inPerson = i.inPersonEvaluationCompleted();
        }

        Builder age(int value) { age = value; return this; }
        Builder pregnant(boolean value) { pregnant = value; return this; }
        Builder breastfeeding(boolean value) { breastfeeding = value; return this; }
        Builder alcoholUseDisorder(boolean value) { alcohol = value; return this; }
        Builder substanceUseDisorder(boolean value) { substance = value; return this; }
        Builder addCondition(String code) { conditions.add(code); return this; }
        Builder bloodPressure(int s, int d) { systolic = s; diastolic = d; return this; }

        Builder item9(int value) {
            List<Integer> items = new java.util.ArrayList<>(phq9);
            items.set(8, value);
            phq9 = List.copyOf(items);
            return this;
        }

        Intake build() {
            return new Intake(age, phq9, gad7, trials, Set.copyOf(conditions), medications, alcohol, substance,
                    pregnant, breastfeeding, systolic, diastolic, inPerson);
        }
    }
}
