package com.housecall.screening;

import com.housecall.screening.rules.Thresholds;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The ruleset's thresholds and the safety-alert cadence as settings, defaulting to CLINICAL-RULES.md version 1. */
@ConfigurationProperties("housecall.screening")
public record ScreeningProperties(
        @DefaultValue("18") int adultAge,
        @DefaultValue("160") int severeSystolic,
        @DefaultValue("100") int severeDiastolic,
        @DefaultValue("140") int elevatedSystolic,
        @DefaultValue("90") int elevatedDiastolic,
        @DefaultValue("2") int minFailedTrials,
        @DefaultValue("10") int minPhq9Total,
        /* CLINICAL-RULES.md section 5: a safety alert repeats this often until acknowledged */
        @DefaultValue("15m") Duration alertRepeat,
        /* how often the repeater looks for alerts that are due */
        @DefaultValue("10s") Duration alertPollInterval) {

    public Thresholds thresholds() {
        return new Thresholds(adultAge, severeSystolic, severeDiastolic, elevatedSystolic, elevatedDiastolic,
                minFailedTrials, minPhq9Total);
    }
}
