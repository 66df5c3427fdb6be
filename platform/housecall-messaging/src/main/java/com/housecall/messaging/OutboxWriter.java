package com.housecall.messaging;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventCatalog;
import com.housecall.events.EventJson;
import com.housecall.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an event in the caller's transaction; {@link OutboxRelay} sends it once the commit wakes it. Never send to
 * Kafka directly from a handler: a crash between the database commit and the send would lose the event.
 */
public class OutboxWriter {

    private static final int BUCKET_BITS = 4;
    /** The outbox's buckets: a relay instance sends some of them at a time, each key's rows lie in one. */
    static final int BUCKETS = 1 << BUCKET_BITS;

    private final JdbcClient jdbc;
    private final String source;
    private final Clock clock;
    private final EventTracing tracing;
    private final @Nullable DataKeys dataKeys;
    private final Runnable committed;

    /**
     * {@code dataKeys}: the owner of the PHI topics' data keys seals their payloads; other services have none.
     * {@code committed} runs once a transaction that appended commits: it wakes the relay.
     */
    public OutboxWriter(JdbcClient jdbc, String module, Clock clock, EventTracing tracing,
                        @Nullable DataKeys dataKeys, Runnable committed) {
        this.jdbc = jdbc;
        this.source = CloudEventHeaders.source(module);
        this.clock = clock;
        this.tracing = tracing;
        this.dataKeys = dataKeys;
        this.committed = committed;
    }

    /**
     * Appends the event to the outbox; its topic and type come from the catalogue, its trace and correlation id from
     * the current span and MDC ({@link EventTracing#capture}), linked to the consultation's first trace when it is
     * another one ({@link #linkedToFirstTrace}); a PHI payload sealed by its consultation's data key, and none
     * written once that consultation's data were erased ({@link DataKeys}). Returns the event id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID append(ConsultationEvent payload) {
        EventCatalog.Entry entry = EventCatalog.of(payload);
        UUID id = UUID.randomUUID();
        Optional<byte[]> value = encode(entry, payload);
        if (value.isEmpty()) {
            return id;
        }
        String key = payload.consultationId().toString();
        EventTrace trace = linkedToFirstTrace(key, tracing.capture());
        jdbc.sql("""
                        INSERT INTO outbox_event (event_id, topic, event_key, bucket, event_type, event_source,
                                                  event_time, payload, traceparent, tracestate, correlation_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.toString(), entry.topic(), key, bucketOf(key), entry.type(), source,
                        Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString(),
                        new String(value.get(), StandardCharsets.UTF_8),
                        trace.traceparent(), trace.tracestate(), trace.correlationId())
                .update();
        AfterCommit.run(committed); // the relay sends at once, not at its next poll
        return id;
    }

    /**
     * The key's outbox bucket, the same in every JVM and in {@code V6__outbox_buckets.sql}: {@link String#hashCode}
     * (its formula is part of the Java SE API), Fibonacci-hashed (times 2^32 / golden ratio) to its top bits, so every
     * character counts: modulo 16 alone, the hash code depends on an alternating sum of the characters only.
     */
    static int bucketOf(String key) {
        return (key.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - BUCKET_BITS);
    }

    private Optional<byte[]> encode(EventCatalog.Entry entry, ConsultationEvent payload) {
        if (dataKeys != null) {
            return dataKeys.encode(entry, payload, this::append);
        }
        if (Topics.carriesPhi(entry.topic())) {
            throw new IllegalStateException("Only the owner of the data keys writes " + entry.topic());
        }
        return Optional.of(EventJson.write(payload));
    }

    /**
     * DECISIONS 30: what the first request of a consultation causes shares its trace; a later request or a timer
     * starts its own, and its events come from a span linked to the first one, so either trace leads to the other.
     */
    private EventTrace linkedToFirstTrace(String consultationId, EventTrace trace) {
        String first = jdbc.sql("SELECT traceparent FROM consultation_trace WHERE consultation_id = ?")
                .param(consultationId).query(String.class).optional().orElse(null);
        if (first == null) {
            if (trace.traceparent() != null) {
                jdbc.sql("INSERT INTO consultation_trace (consultation_id, traceparent) VALUES (?, ?) "
                        + "ON CONFLICT DO NOTHING").params(consultationId, trace.traceparent()).update();
            }
            return trace;
        }
        return EventTrace.sameTrace(first, trace.traceparent()) ? trace : tracing.linkedTo(first, trace);
    }
}
