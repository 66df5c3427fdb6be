package com.housecall.screening;

import com.housecall.screening.rules.Thresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The ruleset's thresholds as settings, defaulting to CLINICAL-RULES.md version 1. */
@ConfigurationProperties("housecall.screening")
public record ScreeningProperties(
        @DefaultValue("18") int adultAge,
        @DefaultValue("160") int severeSystolic,
        @DefaultValue("100") int severeDiastolic,
        @DefaultValue("140") int elevatedSystolic,
        @DefaultValue("90") int elevatedDiastolic,
        @DefaultValue("2") int minFailedTrials,
        @DefaultValue("10") int minPhq9Total) {

    public Thresholds thresholds() {
        return new Thresholds(adultAge, severeSystolic, severeDiastolic, elevatedSystolic, elevatedDiastolic,
                minFailedTrials, minPhq9Total);
    }
}
