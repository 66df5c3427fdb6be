package com.housecall.dispatch.record;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The medical director's settings of CLINICAL-RULES.md section 6 (defaults in {@link #DEFAULTS}).
 *
 * @param escalateSystolic   a systolic at or above this escalates at once
 * @param escalateDiastolic  a diastolic at or above this escalates at once
 * @param minSpo2            an SpO2 below this escalates
 * @param minHeartRate       a heart rate below this escalates
 * @param maxHeartRate       a heart rate above this escalates
 * @param minRespiratoryRate a respiratory rate below this escalates
 * @param blockSystolic      before the infusion, a systolic at or above this blocks it and escalates
 * @param blockDiastolic     before the infusion, a diastolic at or above this blocks it and escalates
 * @param vitalsFresh        INFUSION_STARTED needs vitals at most this old
 * @param vitalsOverdue      during infusion and observation, a longer gap between vitals escalates
 * @param maxMgPerKg         the highest dose per kg
 * @param doseTolerance      totalMg may differ from weightKg x mgPerKg by this fraction
 * @param maxEntryAge        an entry's {@code at} may be at most this far in the past
 */
public record Thresholds(int escalateSystolic, int escalateDiastolic, int minSpo2, int minHeartRate,
                         int maxHeartRate, int minRespiratoryRate, int blockSystolic, int blockDiastolic,
                         Duration vitalsFresh, Duration vitalsOverdue, BigDecimal maxMgPerKg,
                         BigDecimal doseTolerance, Duration maxEntryAge) {

    public static final Thresholds DEFAULTS = new Thresholds(180, 110, 92, 50, 130, 10, 160, 100,
            Duration.ofMinutes(15), Duration.ofMinutes(20), new BigDecimal("1.0"), new BigDecimal("0.05"),
            Duration.ofMinutes(30));
}
