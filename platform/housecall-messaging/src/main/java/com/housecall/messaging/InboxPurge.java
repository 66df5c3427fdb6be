package com.housecall.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forgets the {@link Inbox}'s event ids older than {@code housecall.messaging.inbox-retention}, a batch at a time,
 * so the table does not grow for ever. The retention must outlast what can still be delivered again: the topics'
 * own retention, and any dead letter an operator may replay (the operator console refuses older ones).
 */
public class InboxPurge extends BatchPoller {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    InboxPurge(JdbcClient jdbc, Clock clock, MessagingProperties properties) {
        super("inbox-purge", properties.inboxPurgeInterval(), 1000, true);
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = properties.inboxRetention();
    }

    @Override
    protected int runBatch() {
        var cutoff = Instant.now(clock).minus(retention).atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                        DELETE FROM processed_event WHERE processed_at < :cutoff AND (consumer_group, event_id) IN (
                            SELECT consumer_group, event_id FROM processed_event WHERE processed_at < :cutoff
                            ORDER BY processed_at LIMIT :batch)""")
                .param("cutoff", cutoff).param("batch", batchSize()).update();
    }
}
