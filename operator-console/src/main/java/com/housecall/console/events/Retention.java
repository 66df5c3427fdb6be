package com.housecall.console.events;

import com.housecall.console.ConsoleProperties;
import com.housecall.messaging.BatchPoller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Drops events older than {@code housecall.console.retention} (at least 24 hours), a batch at a time. */
@Component
class Retention extends BatchPoller {

    private final EventLog log;
    private final Clock clock;
    private final Duration retention;

    Retention(EventLog log, Clock clock, ConsoleProperties properties) {
        super("console-retention", Duration.ofMinutes(1), 1000, true);
        this.log = log;
        this.clock = clock;
        this.retention = properties.retention();
    }

    @Override
    protected int runBatch() {
        return log.purge(Instant.now(clock).minus(retention), batchSize());
    }
}
