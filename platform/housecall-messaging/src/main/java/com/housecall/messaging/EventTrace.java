package com.housecall.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import org.springframework.messaging.MessageHeaders;

/**
 * What ties an event to the request that caused it: the W3C {@code traceparent} (and {@code tracestate} when set)
 * and the gateway's {@code correlation-id}. Captured where the event is appended to the outbox, written as record
 * headers by the relay, read back by the consumer, so the trace survives the outbox's later send on another thread.
 */
public record EventTrace(@Nullable String traceparent, @Nullable String tracestate, @Nullable String correlationId) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** The Kafka header of the gateway's correlation id (DECISIONS 32: only gateway-generated UUIDs). */
    public static final String CORRELATION_ID = "correlation-id";
    /** The key of the correlation id in the logging MDC, beside Micrometer's traceId and spanId. */
    public static final String MDC_CORRELATION_ID = "correlationId";

    public static final EventTrace NONE = new EventTrace(null, null, null);

    public EventTrace {
        correlationId = uuidOrNull(correlationId);
    }

    /** The trace of a received record, from its headers. */
    public static EventTrace from(MessageHeaders headers) {
        return new EventTrace(text(headers.get(TRACEPARENT)), text(headers.get(TRACESTATE)),
                text(headers.get(CORRELATION_ID)));
    }

    /** The W3C fields as a propagation carrier. */
    Map<String, String> w3c() {
        Map<String, String> carrier = new LinkedHashMap<>();
        if (traceparent != null) {
            carrier.put(TRACEPARENT, traceparent);
        }
        if (tracestate != null && !tracestate.isBlank()) {
            carrier.put(TRACESTATE, tracestate);
        }
        return carrier;
    }

    void writeTo(Headers headers) {
        w3c().forEach((name, value) -> headers.add(name, value.getBytes(UTF_8)));
        if (correlationId != null) {
            headers.add(CORRELATION_ID, correlationId.getBytes(UTF_8));
        }
    }

    /** A correlation id is a UUID or nothing: anything else could come from a client, or smuggle text into logs. */
    /** Whether two {@code traceparent}s ({@code 00-<trace id>-<span id>-<flags>}) name the same trace. */
    static boolean sameTrace(String traceparent, @Nullable String other) {
        return other != null && other.length() > 35 && traceparent.length() > 35
                && traceparent.regionMatches(3, other, 3, 32);
    }

    static @Nullable String uuidOrNull(@Nullable String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String text(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> new String(bytes, UTF_8);
            default -> value.toString();
        };
    }
}
