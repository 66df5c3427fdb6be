package com.housecall.dispatch.visit;

import com.housecall.messaging.BatchPoller;
import com.housecall.messaging.MessagingProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forgets remembered cancellations ({@code booking_cancellation}) a batch at a time once their request can no longer
 * arrive: after the inbox retention, which outlasts the topics and any dead letter an operator may still replay.
 */
@Component
class BookingCancellationPurge extends BatchPoller {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    BookingCancellationPurge(JdbcClient jdbc, Clock clock, MessagingProperties properties) {
        super("booking-cancellation-purge", properties.inboxPurgeInterval(), 1000, true);
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.inboxRetention();
    }

    @Override
    protected int runBatch() {
        var cutoff = Instant.now(clock).minus(retention).atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                        DELETE FROM booking_cancellation WHERE cancelled_id IN (
                            SELECT cancelled_id FROM booking_cancellation WHERE cancelled_at < :cutoff
                            ORDER BY cancelled_at LIMIT :batch)""")
                .param("cutoff", cutoff).param("batch", batchSize()).update();
    }
}
