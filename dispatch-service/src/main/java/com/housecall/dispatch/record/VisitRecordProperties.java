package com.housecall.dispatch.record;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code housecall.visit-record.*}: the thresholds of CLINICAL-RULES.md section 6 (a medical director's settings,
 * defaults as written there), the on-call number the nurse sees, and the escalation cadence.
 *
 * @param onCallPhone       the on-call clinician's number, shown with "call 911 if unstable" in the nurse's record
 * @param escalationRepeat  an unacknowledged escalation is raised again this often
 * @param pollInterval      how often the repeats and the VITALS_OVERDUE timer look for work
 */
@ConfigurationProperties("housecall.visit-record")
public record VisitRecordProperties(@DefaultValue("+15005550100") String onCallPhone,
                                    @DefaultValue("15m") Duration escalationRepeat,
                                    @DefaultValue("30s") Duration pollInterval,
                                    @DefaultValue("180") int escalateSystolic,
                                    @DefaultValue("110") int escalateDiastolic,
                                    @DefaultValue("92") int minSpo2, @DefaultValue("50") int minHeartRate,
                                    @DefaultValue("130") int maxHeartRate, @DefaultValue("10") int minRespiratoryRate,
                                    @DefaultValue("160") int blockSystolic, @DefaultValue("100") int blockDiastolic,
                                    @DefaultValue("15m") Duration vitalsFresh,
                                    @DefaultValue("20m") Duration vitalsOverdue,
                                    @DefaultValue("1.0") BigDecimal maxMgPerKg,
                                    @DefaultValue("0.05") BigDecimal doseTolerance,
                                    @DefaultValue("30m") Duration maxEntryAge) {

    Thresholds thresholds() {
        return new Thresholds(escalateSystolic, escalateDiastolic, minSpo2, minHeartRate, maxHeartRate,
                minRespiratoryRate, blockSystolic, blockDiastolic, vitalsFresh, vitalsOverdue, maxMgPerKg,
                doseTolerance, maxEntryAge);
    }
}
