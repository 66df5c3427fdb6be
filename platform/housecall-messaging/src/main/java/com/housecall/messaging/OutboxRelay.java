package com.housecall.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.events.CloudEventHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows in insertion order, then deletes them. A crash after a send and before the
 * delete sends the row again: consumers are idempotent on {@code ce_id}, so the effect stays single.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    record Row(long seq, String eventId, String topic, String eventKey, String eventType, String eventSource,
               String eventTime, String payload) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final MessagingProperties properties;
    private ScheduledExecutorService executor;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<byte[], byte[]> kafka,
                       MessagingProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
    }

    /** Sends one batch; returns how many events went out. The lock row keeps several instances in line. */
    public int relayOnce() {
        Integer sent = transactions.execute(status -> {
            jdbc.sql("SELECT id FROM outbox_relay_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
            List<Row> rows = jdbc.sql("""
                            SELECT seq, event_id, topic, event_key, event_type, event_source, event_time, payload
                            FROM outbox_event ORDER BY seq LIMIT ?""")
                    .param(properties.relayBatchSize())
                    .query(Row.class).list();
            if (rows.isEmpty()) {
                return 0;
            }
            send(rows);
            // exactly the rows sent, not "seq <= last": a lower seq whose transaction commits during the send
            // was invisible to the SELECT but is visible to this DELETE, and would be dropped unsent
            jdbc.sql("DELETE FROM outbox_event WHERE seq IN (:seqs)")
                    .param("seqs", rows.stream().map(Row::seq).toList()).update();
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    private void send(List<Row> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acks.add(kafka.send(record(row)));
        }
        kafka.flush();
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
    }

    static ProducerRecord<byte[], byte[]> record(Row row) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(row.eventId(), row.eventSource(), row.eventType(), row.eventTime(), row.eventKey())
                .forEach((name, value) -> headers.add(name, value.getBytes(UTF_8)));
        return new ProducerRecord<>(row.topic(), null, row.eventKey().getBytes(UTF_8), row.payload().getBytes(UTF_8), headers);
    }

    private void tick() {
        try {
            while (relayOnce() == properties.relayBatchSize()) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            // rows stay in the outbox and go out on a later tick; the message names no payload
            log.warn("Outbox relay failed, will retry: {} [{}]", FailureReason.of(e), FailureReason.types(e));
        }
    }

    @Override
    public synchronized void start() {
        if (!properties.relayEnabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-relay").daemon().factory());
        long interval = properties.relayInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        // stop before the Kafka producer and the data source go away
        return Integer.MAX_VALUE - 100;
    }
}
