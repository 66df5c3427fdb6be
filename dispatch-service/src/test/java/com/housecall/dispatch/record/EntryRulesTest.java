package com.housecall.dispatch.record;

import static com.housecall.dispatch.record.Entries.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.security.problem.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DECISIONS 45 at each boundary: ranges, codes, units, and {@code at} within the visit and 30 minutes. */
class EntryRulesTest {

    static final Instant ARRIVED = NOW.minus(Duration.ofMinutes(50));

    static List<String> fields(EntryForm entry) {
        return EntryRules.problems(entry, ARRIVED, NOW, "nurse1", Thresholds.DEFAULTS).stream()
                .map(FieldProblem::field).toList();
    }

    @ParameterizedTest(name = "{0} = {1}: valid {2}")
    @CsvSource({
            "systolic, 60, true", "systolic, 59, false", "systolic, 260, true", "systolic, 261, false",
            "diastolic, 30, true", "diastolic, 29, false", "diastolic, 160, true", "diastolic, 161, false",
            "heartRate, 20, true", "heartRate, 19, false", "heartRate, 250, true", "heartRate, 251, false",
            "spo2, 50, true", "spo2, 49, false", "spo2, 100, true", "spo2, 101, false",
            "respiratoryRate, 4, true", "respiratoryRate, 3, false", "respiratoryRate, 60, true",
            "respiratoryRate, 61, false"})
    void vitalsRanges(String field, int value, boolean valid) {
        int[] v = {200, 60, 72, 98, 14};
        switch (field) {
            case "systolic" -> v[0] = value;
            case "diastolic" -> {
                v[0] = 240;
                v[1] = value;
            }
            case "heartRate" -> v[2] = value;
            case "spo2" -> v[3] = value;
            default -> v[4] = value;
        }
        if (field.equals("systolic") && value <= 60) {
            v[1] = 30;
        }
        List<String> problems = fields(Entries.vitals(NOW, v[0], v[1], v[2], v[3], v[4]));
        if (valid) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(problems).containsExactly(field);
        }
    }

    @Test
    void systolicMustBeAboveDiastolic() {
        assertThat(fields(Entries.vitals(NOW, 90, 90, 72, 98, 14))).containsExactly("systolic");
    }

    @Test
    void atIsAtMostThirtyMinutesOldNotInTheFutureAndNotBeforeTheArrival() {
        assertThat(fields(Entries.vitals(NOW.minus(Duration.ofMinutes(30))))).isEmpty();
        assertThat(fields(Entries.vitals(NOW.minus(Duration.ofMinutes(30)).minusSeconds(1)))).containsExactly("at");
        assertThat(fields(Entries.vitals(NOW.plus(EntryRules.SKEW)))).isEmpty();
        assertThat(fields(Entries.vitals(NOW.plus(EntryRules.SKEW).plusSeconds(1)))).containsExactly("at");
        Instant arrived = NOW.minus(Duration.ofMinutes(10));
        assertThat(EntryRules.problems(Entries.vitals(arrived.minus(EntryRules.SKEW)), arrived, NOW, "nurse1",
                Thresholds.DEFAULTS)).isEmpty();
        assertThat(EntryRules.problems(Entries.vitals(arrived.minus(EntryRules.SKEW).minusSeconds(1)), arrived, NOW,
                "nurse1", Thresholds.DEFAULTS)).extracting(FieldProblem::field).containsExactly("at");
    }

    @Test
    void aDoseIsWeightTimesMgPerKgWithinFivePercentAndAtMostOneMgPerKg() {
        assertThat(fields(Entries.dose(NOW, "80", "0.5", "40"))).isEmpty();
        assertThat(fields(Entries.dose(NOW, "80", "0.5", "42"))).as("+5%").isEmpty();
        assertThat(fields(Entries.dose(NOW, "80", "0.5", "38"))).as("-5%").isEmpty();
        assertThat(fields(Entries.dose(NOW, "80", "0.5", "42.01"))).containsExactly("totalMg");
        assertThat(fields(Entries.dose(NOW, "80", "0.5", "37.99"))).containsExactly("totalMg");
        assertThat(fields(Entries.dose(NOW, "80", "1.0", "80"))).isEmpty();
        assertThat(fields(Entries.dose(NOW, "80", "1.01", "80.8"))).containsExactly("mgPerKg");
        assertThat(fields(Entries.dose(NOW, "19.9", "0.5", "9.95"))).containsExactly("weightKg");
    }

    @Test
    void aDoseNeedsItsLotAndAnUnexpiredVial() {
        EntryForm dose = Entries.dose(NOW, "80", "0.5", "40");
        EntryForm noLot = new EntryForm(dose.kind(), dose.at(), null, null, null, null, null, dose.weightKg(),
                dose.mgPerKg(), dose.totalMg(), " ", LocalDate.of(2026, 12, 7), dose.minutes(), null, null, null,
                null, null, null, null, null, null, null);
        assertThat(fields(noLot)).containsExactlyInAnyOrder("lot", "expiry");
    }

    @Test
    void wastageNeedsAWitnessWhoIsNotTheNurse() {
        assertThat(fields(Entries.reconcile(NOW, "40", "0", null))).isEmpty();
        assertThat(fields(Entries.reconcile(NOW, "40", "0.01", null))).containsExactly("witness");
        assertThat(fields(Entries.reconcile(NOW, "40", "10", "NURSE1"))).containsExactly("witness");
        assertThat(fields(Entries.reconcile(NOW, "40", "10", "nurse2"))).isEmpty();
        assertThat(fields(Entries.reconcile(NOW, "-1", "10.001", "nurse2")))
                .containsExactlyInAnyOrder("administeredMg", "wastedMg");
    }

    @Test
    void eachKindNamesItsMissingFields() {
        EntryForm bare = new EntryForm(EntryKind.DISCHARGE, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(fields(bare)).containsExactlyInAnyOrder("at", "alert", "escort");
        EntryForm adverse = new EntryForm(EntryKind.ADVERSE_EVENT, Entries.at(NOW), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(fields(adverse)).containsExactlyInAnyOrder("code", "severity");
        EntryForm noKind = new EntryForm(null, Entries.at(NOW), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(fields(noKind)).containsExactly("kind");
        assertThat(fields(Entries.draw(NOW, "LOT-1", "0"))).containsExactly("drawnMg");
    }

    @Test
    void theRecordKeepsOnlyTheKindsFieldsInUtc() {
        EntryForm kept = EntryRules.kept(Entries.draw(NOW, " LOT-1 ", "50"));
        assertThat(kept.lot()).isEqualTo("LOT-1");
        assertThat(kept.at().getOffset()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(EntryRules.kept(Entries.vitals(NOW)).lot()).isNull();
    }
}
