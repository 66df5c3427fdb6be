package com.housecall.messaging;

import io.micrometer.tracing.Span;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotent consumer: runs a handler once per event id, recording the id in the same transaction as the
 * handler's effects. A redelivered event finds its id and changes nothing; a failed handler records nothing.
 */
public class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String consumerGroup;
    private final Clock clock;
    private final EventTracing tracing;
    private final DataKeyRing keys;

    public Inbox(JdbcClient jdbc, TransactionTemplate transactions, String consumerGroup, Clock clock,
                 EventTracing tracing, DataKeyRing keys) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.consumerGroup = consumerGroup;
        this.clock = clock;
        this.tracing = tracing;
        this.keys = keys;
    }

    /** A PHI topic's payload opened by its data key, before any transaction; empty once the data were erased. */
    Optional<InboundEvent> open(InboundEvent event) {
        return keys.open(event);
    }

    /**
     * Consumers reach this through {@link EventHandlers}, which decodes and checks the event first. The handler runs
     * in a consumer span, child of the record's {@code traceparent}, so the events it appends carry the trace on.
     */
    void receive(InboundEvent event, Consumer<InboundEvent> handler) {
        Handled handled = transactions.execute(status -> handleTraced(event, handler));
        if (handled != null) {
            handled.log();
        }
    }

    /**
     * Several events in one transaction, so one commit (and one write to disk) carries them all; all or none take
     * effect. {@link EventHandlers} hands a poll's events here and, if this fails, each to {@link #receive}.
     */
    void receiveAll(List<InboundEvent> events, Consumer<InboundEvent> handler) {
        List<Handled> handled = new ArrayList<>(events.size());
        transactions.executeWithoutResult(status -> {
            for (InboundEvent event : events) {
                Handled one = handleTraced(event, handler);
                if (one != null) {
                    handled.add(one);
                }
            }
        });
        handled.forEach(Handled::log);
    }

    /** An event handled in a transaction, and its span's logging context (trace, span and correlation ids). */
    private final class Handled {

        private final InboundEvent event;
        private final Map<String, String> context;

        Handled(InboundEvent event) {
            this.event = event;
            Map<String, String> current = MDC.getCopyOfContextMap();
            this.context = current == null ? Map.of() : current;
        }

        /** After the commit (a poll's transaction may still roll back), in the context the handler logged in. */
        void log() {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            MDC.setContextMap(context);
            // names the service: the end-to-end test runs every service in one JVM, on one logger context
            log.info("Handled {} {} in {}", event.type(), event.id(), consumerGroup);
            MDC.setContextMap(previous == null ? Map.of() : previous);
        }
    }

    private @Nullable Handled handleTraced(InboundEvent event, Consumer<InboundEvent> handler) {
        return tracing.continueTrace(event.trace(), "receive " + event.type(), Span.Kind.CONSUMER,
                Map.of("messaging.destination.name", String.valueOf(event.topic()), "messaging.message.id", event.id(),
                        "messaging.consumer.group.name", consumerGroup),
                () -> handleOnce(event, handler) ? new Handled(event) : null);
    }

    /** In the caller's transaction: false if the event was handled before. */
    private boolean handleOnce(InboundEvent event, Consumer<InboundEvent> handler) {
        boolean seen = jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE consumer_group = ? AND event_id = ?")
                .params(consumerGroup, event.id()).query(Long.class).single() > 0;
        if (seen) {
            return false;
        }
        // a concurrent duplicate fails on the primary key here, rolls back, and is retried as seen
        jdbc.sql("INSERT INTO processed_event (consumer_group, event_id, processed_at) VALUES (?, ?, ?)")
                .params(consumerGroup, event.id(), Instant.now(clock).atOffset(java.time.ZoneOffset.UTC))
                .update();
        handler.accept(event);
        return true;
    }
}
