package com.housecall.screening.rules;

/** The numbers of CLINICAL-RULES.md section 1, each a setting with the documented default. */
public record Thresholds(int adultAge, int severeSystolic, int severeDiastolic, int elevatedSystolic,
                         int elevatedDiastolic, int minFailedTrials, int minPhq9Total) {

    public static final Thresholds DEFAULTS = new Thresholds(18, 160, 100, 140, 90, 2, 10);
}
