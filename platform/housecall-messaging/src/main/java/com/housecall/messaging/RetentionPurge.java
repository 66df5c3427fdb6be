package com.housecall.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forgets the rows of a table older than {@code housecall.messaging.inbox-retention}, oldest first, a batch at a
 * time, every {@code inbox-purge-interval}: for what must be remembered exactly as long as an event can still be
 * delivered again (the topics' own retention, and any dead letter an operator may replay; the console refuses older
 * ones). Table and column names are the code's own, never input.
 */
public class RetentionPurge extends BatchPoller {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private final String delete;

    /** {@code key}: the primary key's columns, comma-separated; {@code time}: when the row was written. */
    protected RetentionPurge(String name, String table, String key, String time, JdbcClient jdbc, Clock clock,
                             MessagingProperties properties) {
        super(name, properties.inboxPurgeInterval(), 1000, true);
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.inboxRetention();
        this.delete = "DELETE FROM " + table + " WHERE " + time + " < :cutoff AND (" + key + ") IN (SELECT " + key
                + " FROM " + table + " WHERE " + time + " < :cutoff ORDER BY " + time + " LIMIT :batch)";
    }

    /** One batch; public so a service's own test can run a pass without waiting for the interval. */
    @Override
    public int runBatch() {
        var cutoff = Instant.now(clock).minus(retention).atOffset(ZoneOffset.UTC);
        return jdbc.sql(delete).param("cutoff", cutoff).param("batch", batchSize()).update();
    }
}
