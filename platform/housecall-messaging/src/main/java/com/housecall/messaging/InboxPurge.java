package com.housecall.messaging;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Forgets the {@link Inbox}'s event ids after the inbox retention, so the table does not grow for ever. */
public class InboxPurge extends RetentionPurge {

    InboxPurge(JdbcClient jdbc, Clock clock, MessagingProperties properties) {
        super("inbox-purge", "processed_event", "consumer_group, event_id", "processed_at", jdbc, clock, properties);
    }
}
