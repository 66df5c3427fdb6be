package com.housecall.screening.safety;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code housecall_safety_alerts_open} (DECISIONS 33): crises no clinician has acknowledged yet and no cancellation
 * withdrew, counted in the alert table when scraped (one row per consultation, so the count stays small).
 */
@Component
class SafetyAlertMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    SafetyAlertMetrics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("housecall.safety.alerts.open", this, SafetyAlertMetrics::open)
                .description("Safety alerts raised and neither acknowledged nor withdrawn")
                .register(registry);
    }

    double open() {
        return jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE acknowledged_at IS NULL AND withdrawn_at IS NULL")
                .query(Long.class).single();
    }
}
