package com.housecall.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code housecall_outbox_pending} and {@code housecall_outbox_age_seconds} (CONTRACT.md section 13), labelled with
 * the service: read from the outbox table when scraped, by its primary key, so a scrape costs two small queries.
 * A relay that falls behind shows as a growing age long before the count looks unusual.
 */
class OutboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final String service;
    private final Clock clock;

    OutboxMetrics(JdbcClient jdbc, String service, Clock clock) {
        this.jdbc = jdbc;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("housecall.outbox.pending", this, OutboxMetrics::pending)
                .description("Events written to the outbox and not yet sent to Kafka")
                .tag("service", service).register(registry);
        Gauge.builder("housecall.outbox.age", this, OutboxMetrics::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest unsent outbox event has waited (0 when none waits)")
                .tag("service", service).register(registry);
    }

    double pending() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single();
    }

    /** The lowest seq is the oldest row: its event time, written by {@link OutboxWriter} from the same clock. */
    double oldestAgeSeconds() {
        return jdbc.sql("SELECT event_time FROM outbox_event ORDER BY seq LIMIT 1").query(String.class).optional()
                .map(time -> Duration.between(Instant.parse(time), clock.instant()).toMillis() / 1000.0)
                .map(age -> Math.max(0, age)).orElse(0.0);
    }
}
