package com.housecall.dispatch.record;

import static com.housecall.dispatch.record.Entries.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CLINICAL-RULES.md section 6: what INFUSION_STARTED and COMPLETED need, at each boundary. */
class RecordStateTest {

    static final Thresholds LIMITS = Thresholds.DEFAULTS;

    static List<EntryForm> readyToInfuse() {
        return new ArrayList<>(List.of(Entries.vitals(NOW.minus(Duration.ofMinutes(15))),
                Entries.dose(NOW, "80", "0.5", "40"), Entries.draw(NOW, "LOT-1", "50")));
    }

    static List<String> missing(List<EntryForm> entries, String target) {
        return new RecordState(entries).missingFor(target, NOW, LIMITS, false);
    }

    @Test
    void infusionStartsWithFreshVitalsADoseAndItsDraw() {
        assertThat(missing(readyToInfuse(), "INFUSION_STARTED")).isEmpty();
        assertThat(missing(List.of(), "INFUSION_STARTED")).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("VITALS")).anySatisfy(m -> assertThat(m).contains("DOSE"));
    }

    @Test
    void vitalsOlderThanFifteenMinutesAreNotEnough() {
        List<EntryForm> stale = readyToInfuse();
        stale.set(0, Entries.vitals(NOW.minus(Duration.ofMinutes(15)).minusSeconds(1)));
        assertThat(missing(stale, "INFUSION_STARTED")).singleElement().asString().contains("VITALS");
    }

    @Test
    void aDrawFromAnotherLotOrOfLessThanTheDoseIsNotEnough() {
        List<EntryForm> otherLot = readyToInfuse();
        otherLot.set(2, Entries.draw(NOW, "LOT-2", "50"));
        assertThat(missing(otherLot, "INFUSION_STARTED")).singleElement().asString().contains("DRAW");
        List<EntryForm> tooLittle = readyToInfuse();
        tooLittle.set(2, Entries.draw(NOW, "LOT-1", "39.99"));
        assertThat(missing(tooLittle, "INFUSION_STARTED")).singleElement().asString().contains("DRAW");
        tooLittle.set(2, Entries.draw(NOW, "LOT-1", "40"));
        assertThat(missing(tooLittle, "INFUSION_STARTED")).isEmpty();
    }

    @Test
    void aPreInfusionPressureAt160Over100BlocksTheInfusion() {
        List<EntryForm> entries = readyToInfuse();
        entries.set(0, Entries.vitals(NOW, 159, 99, 72, 98, 14));
        assertThat(missing(entries, "INFUSION_STARTED")).isEmpty();
        entries.set(0, Entries.vitals(NOW, 160, 80, 72, 98, 14));
        assertThat(missing(entries, "INFUSION_STARTED")).singleElement().asString().contains("blood pressure");
        entries.set(0, Entries.vitals(NOW, 150, 100, 72, 98, 14));
        assertThat(missing(entries, "INFUSION_STARTED")).singleElement().asString().contains("blood pressure");
    }

    @Test
    void anOpenEscalationHoldsTheInfusion() {
        assertThat(new RecordState(readyToInfuse()).missingFor("INFUSION_STARTED", NOW, LIMITS, true))
                .singleElement().asString().contains("acknowledgement");
    }

    @Test
    void completionNeedsReconcileAndAnAlertDischargeWithAnEscort() {
        List<EntryForm> entries = readyToInfuse();
        assertThat(missing(entries, "COMPLETED")).hasSize(2);
        entries.add(Entries.reconcile(NOW, "40", "10", "nurse2"));
        entries.add(Entries.discharge(NOW, true, false));
        assertThat(missing(entries, "COMPLETED")).singleElement().asString().contains("DISCHARGE");
        entries.add(Entries.discharge(NOW, false, true));
        assertThat(missing(entries, "COMPLETED")).singleElement().asString().contains("DISCHARGE");
        entries.add(Entries.discharge(NOW, true, true));
        assertThat(missing(entries, "COMPLETED")).isEmpty();
        assertThat(missing(List.of(), "ARRIVED")).isEmpty();
    }

    @Test
    void reconcileAccountsForEveryMgDrawn() {
        RecordState state = new RecordState(readyToInfuse());
        assertThat(state.discrepancy(Entries.reconcile(NOW, "40", "10", "nurse2"))).isEmpty();
        assertThat(state.discrepancy(Entries.reconcile(NOW, "40", "9.99", "nurse2")))
                .singleElement().extracting(p -> p.field()).isEqualTo("administeredMg");
        assertThat(state.conflict(Entries.reconcile(NOW, "40", "10", "nurse2"))).isEmpty();
        assertThat(new RecordState(List.of()).conflict(Entries.reconcile(NOW, "0", "0", null))).isPresent();
        RecordState reconciled = new RecordState(List.of(Entries.draw(NOW, "L", "10"),
                Entries.reconcile(NOW, "10", "0", null)));
        assertThat(reconciled.conflict(Entries.reconcile(NOW, "10", "0", null))).isPresent();
        assertThat(reconciled.conflict(Entries.draw(NOW, "L", "10"))).isPresent();
    }
}
