package com.housecall.dispatch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of dispatch.
 *
 * @param leadTime              the earliest start after a request: time to fast (CLINICAL-RULES.md section 3)
 * @param demoRoster            seed the demo nurse roster of CONTRACT.md section 1 at start-up (idempotent)
 * @param lateNursePollInterval how often the late-nurse timer looks for visits without EN_ROUTE 30 min before
 */
@ConfigurationProperties("housecall.dispatch")
public record DispatchProperties(@DefaultValue("6h") Duration leadTime, @DefaultValue("true") boolean demoRoster,
                                 @DefaultValue("30s") Duration lateNursePollInterval) {
}
