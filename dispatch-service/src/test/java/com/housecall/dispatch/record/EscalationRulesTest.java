package com.housecall.dispatch.record;

import static com.housecall.dispatch.record.Entries.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.events.dispatch.EscalationReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CLINICAL-RULES.md section 6's escalation thresholds, each at its boundary. */
class EscalationRulesTest {

    static List<EscalationReason> during(int systolic, int diastolic, int heartRate, int spo2, int respiratoryRate) {
        return EscalationRules.reasons(Entries.vitals(NOW, systolic, diastolic, heartRate, spo2, respiratoryRate),
                false, Thresholds.DEFAULTS);
    }

    @Test
    void normalVitalsAtTheEdgesDoNotEscalate() {
        assertThat(during(179, 109, 50, 92, 10)).isEmpty();
        assertThat(during(120, 80, 130, 92, 10)).isEmpty();
    }

    @Test
    void eachThresholdEscalatesWithItsOwnCode() {
        assertThat(during(180, 80, 72, 98, 14)).containsExactly(EscalationReason.BLOOD_PRESSURE_HIGH);
        assertThat(during(150, 110, 72, 98, 14)).containsExactly(EscalationReason.BLOOD_PRESSURE_HIGH);
        assertThat(during(120, 80, 72, 91, 14)).containsExactly(EscalationReason.SPO2_LOW);
        assertThat(during(120, 80, 49, 98, 14)).containsExactly(EscalationReason.HEART_RATE_LOW);
        assertThat(during(120, 80, 131, 98, 14)).containsExactly(EscalationReason.HEART_RATE_HIGH);
        assertThat(during(120, 80, 72, 98, 9)).containsExactly(EscalationReason.RESPIRATORY_RATE_LOW);
    }

    @Test
    void beforeTheInfusion160Over100Escalates() {
        assertThat(EscalationRules.reasons(Entries.vitals(NOW, 160, 80, 72, 98, 14), true, Thresholds.DEFAULTS))
                .containsExactly(EscalationReason.PRE_INFUSION_BLOOD_PRESSURE);
        assertThat(EscalationRules.reasons(Entries.vitals(NOW, 159, 99, 72, 98, 14), true, Thresholds.DEFAULTS))
                .isEmpty();
        assertThat(during(160, 100, 72, 98, 14)).as("during the infusion 180/110 is the line").isEmpty();
    }

    @Test
    void onlyASevereAdverseEventEscalates() {
        assertThat(EscalationRules.reasons(Entries.adverse(NOW, Severity.SEVERE), false, Thresholds.DEFAULTS))
                .containsExactly(EscalationReason.SEVERE_ADVERSE_EVENT);
        assertThat(EscalationRules.reasons(Entries.adverse(NOW, Severity.MODERATE), false, Thresholds.DEFAULTS))
                .isEmpty();
    }
}
