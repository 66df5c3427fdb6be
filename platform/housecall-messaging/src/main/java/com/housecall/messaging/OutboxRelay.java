package com.housecall.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.events.CloudEventHeaders;
import io.micrometer.tracing.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows in insertion order per key, then deletes them; several instances share the work
 * by the key's bucket ({@code outbox_bucket}, DECISIONS 27). A crash after a send and before the delete sends the
 * row again: consumers are idempotent on {@code ce_id}, so the effect stays single.
 */
public class OutboxRelay extends BatchPoller {

    record Row(long seq, String eventId, String topic, String eventKey, String eventType, String eventSource,
               String eventTime, String payload, @Nullable String traceparent, @Nullable String tracestate,
               @Nullable String correlationId) {

        EventTrace trace() {
            return new EventTrace(traceparent, tracestate, correlationId);
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final MessagingProperties properties;
    private final EventTracing tracing;
    /** Where the next batch starts looking; the poller's thread alone relays. */
    private volatile int nextBucket;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<byte[], byte[]> kafka,
                       MessagingProperties properties, EventTracing tracing) {
        super("outbox-relay", properties.relayInterval(), properties.relayBatchSize(), properties.relayEnabled());
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.tracing = tracing;
    }

    /**
     * Sends one batch from the buckets it locks; returns how many events went out. A bucket's holder sends its rows
     * in seq order and deletes them before it lets go, so one key's events (one bucket) never overtake each other,
     * while other instances send other buckets.
     */
    public int relayOnce() {
        Integer sent = transactions.execute(status -> {
            List<Row> rows = new ArrayList<>();
            int start = nextBucket;
            fillFromFreeBuckets(rows, start, OutboxWriter.BUCKETS);
            fillFromFreeBuckets(rows, 0, start);
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

    /**
     * Locks, one by one from {@code from} up to {@code to}, buckets that hold rows and that no other relay holds,
     * and adds each one's rows until the batch is full. A backlog fills a batch from a bucket or two and leaves the
     * others to other instances; the next batch starts after the last bucket, so a busy one does not starve the rest.
     */
    private void fillFromFreeBuckets(List<Row> rows, int from, int to) {
        int batchSize = properties.relayBatchSize();
        for (int next = from; rows.size() < batchSize; next = nextBucket) {
            // in primary-key order: H2 locks every row it has to sort, which would be every bucket
            Optional<Integer> bucket = jdbc.sql("""
                            SELECT bucket FROM outbox_bucket b
                            WHERE bucket >= ? AND bucket < ?
                              AND EXISTS (SELECT 1 FROM outbox_event e WHERE e.bucket = b.bucket)
                            ORDER BY bucket LIMIT 1 FOR UPDATE SKIP LOCKED""")
                    .params(next, to).query(Integer.class).optional();
            if (bucket.isEmpty()) {
                return;
            }
            // "bucket, seq": H2 reads the index in order, rather than sorting the whole bucket, only when told so
            rows.addAll(jdbc.sql("""
                            SELECT seq, event_id, topic, event_key, event_type, event_source, event_time, payload,
                                   traceparent, tracestate, correlation_id
                            FROM outbox_event WHERE bucket = ? ORDER BY bucket, seq LIMIT ?""")
                    .params(bucket.get(), batchSize - rows.size()).query(RecordRows.of(Row.class)).list());
            nextBucket = bucket.get() + 1;
        }
    }

    /**
     * Each record goes out in a producer span, child of the trace captured at append (a new trace for an event
     * appended outside one, a timer's), and carries that span as its {@code traceparent}.
     */
    private void send(List<Row> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Span span = tracing.start(row.trace(), "send " + row.eventType(), Span.Kind.PRODUCER,
                    Map.of("messaging.destination.name", row.topic(), "messaging.message.id", row.eventId()));
            acks.add(kafka.send(record(row, tracing.of(span, row.trace()))).whenComplete((result, failure) -> {
                if (failure != null) {
                    span.error(failure);
                }
                span.end();
            }));
        }
        kafka.flush();
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
    }

    static ProducerRecord<byte[], byte[]> record(Row row, EventTrace trace) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.of(row.eventId(), row.eventSource(), row.eventType(), row.eventTime(), row.eventKey())
                .forEach((name, value) -> headers.add(name, value.getBytes(UTF_8)));
        trace.writeTo(headers);
        return new ProducerRecord<>(row.topic(), null, row.eventKey().getBytes(UTF_8), row.payload().getBytes(UTF_8),
                headers);
    }

    /**
     * Batches until one sends nothing, not only until one is short: rows committed into a bucket while this relay
     * held it (another instance's wake passed it over) go out with the next batch rather than at the next poll.
     */
    @Override
    protected int runBatch() {
        int total = 0;
        for (int sent = relayOnce(); sent > 0; sent = relayOnce()) {
            total += sent;
        }
        return total;
    }

    /** What was committed goes out before the producer closes: each batch is one quick send to the broker. */
    @Override
    protected boolean finishesBacklogOnStop() {
        return true;
    }

    /**
     * Stops last of what writes events: after HTTP intake (Boot's graceful shutdown), every other poller and the
     * consumers (stopped, then out of their groups at {@link StaticMembership#PHASE}), so what they commit on the
     * way down still goes out; before the Kafka producer and the data source go away.
     */
    @Override
    public int getPhase() {
        return StaticMembership.PHASE - 1;
    }
}
