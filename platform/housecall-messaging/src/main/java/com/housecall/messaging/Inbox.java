package com.housecall.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent consumer: runs a handler once per event id, recording the id in the same transaction as the
 * handler's effects. A redelivered event finds its id and changes nothing; a failed handler records nothing.
 */
public class Inbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String consumerGroup;
    private final Clock clock;

    public Inbox(JdbcClient jdbc, TransactionTemplate transactions, String consumerGroup, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.consumerGroup = consumerGroup;
        this.clock = clock;
    }

    public void receive(Message<byte[]> message, Consumer<InboundEvent> handler) {
        receive(InboundEvent.from(message), handler);
    }

    /** Consumers reach this through {@link EventHandlers}, which decodes and checks the event first. */
    void receive(InboundEvent event, Consumer<InboundEvent> handler) {
        transactions.executeWithoutResult(status -> {
            boolean seen = jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer_group = ? AND event_id = ?")
                    .params(consumerGroup, event.id()).query(Long.class).single() > 0;
            if (seen) {
                return;
            }
            // a concurrent duplicate fails on the primary key here, rolls back, and is retried as seen
            jdbc.sql("INSERT INTO processed_event (consumer_group, event_id, processed_at) VALUES (?, ?, ?)")
                    .params(consumerGroup, event.id(), Instant.now(clock).atOffset(java.time.ZoneOffset.UTC))
                    .update();
            handler.accept(event);
        });
    }
}
