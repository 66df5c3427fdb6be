package com.housecall.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.events.CloudEventHeaders;
import io.micrometer.tracing.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** A quarter of the buckets: up to four instances send at once, and one alone still sends 200 rows a batch. */
    static final int BUCKETS_PER_BATCH = 4;

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
            List<Integer> buckets = lockBucketsWithRows();
            if (buckets.isEmpty()) {
                return 0;
            }
            nextBucket = buckets.getLast() + 1;
            List<Row> rows = jdbc.sql("""
                            SELECT seq, event_id, topic, event_key, event_type, event_source, event_time, payload,
                                   traceparent, tracestate, correlation_id
                            FROM outbox_event WHERE bucket IN (:buckets) ORDER BY seq LIMIT :limit""")
                    .param("buckets", buckets).param("limit", properties.relayBatchSize())
                    .query(RecordRows.of(Row.class)).list();
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
     * Up to {@link #BUCKETS_PER_BATCH} buckets that hold rows and that no other relay holds, taken round from where
     * the last batch stopped, so a busy bucket does not starve the others.
     */
    private List<Integer> lockBucketsWithRows() {
        List<Integer> buckets = new ArrayList<>(lockBucketsWithRows("bucket >= :next", BUCKETS_PER_BATCH));
        if (buckets.size() < BUCKETS_PER_BATCH) {
            buckets.addAll(lockBucketsWithRows("bucket < :next", BUCKETS_PER_BATCH - buckets.size()));
        }
        return buckets;
    }

    /** In primary-key order: H2 locks every row it has to sort, so a computed order would lock all sixteen. */
    private List<Integer> lockBucketsWithRows(String range, int limit) {
        return jdbc.sql("""
                        SELECT bucket FROM outbox_bucket b
                        WHERE %s AND EXISTS (SELECT 1 FROM outbox_event e WHERE e.bucket = b.bucket)
                        ORDER BY bucket LIMIT :limit FOR UPDATE SKIP LOCKED""".formatted(range))
                .param("next", nextBucket).param("limit", limit)
                .query(Integer.class).list();
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
        return new ProducerRecord<>(row.topic(), null, row.eventKey().getBytes(UTF_8), row.payload().getBytes(UTF_8), headers);
    }

    /** Batches until one sends nothing: a batch takes a few buckets, so a short one leaves the others' rows. */
    @Override
    protected int runBatch() {
        int total = 0;
        for (int sent = relayOnce(); sent > 0; sent = relayOnce()) {
            total += sent;
        }
        return total;
    }

    /** After every other poller, so the events they write on the way down still go out. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
