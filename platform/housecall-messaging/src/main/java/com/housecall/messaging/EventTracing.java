package com.housecall.messaging;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Carries a trace across the outbox: {@link #capture} where an event is appended, {@link #continueTrace} where a
 * record (or a row written by its handler, like a notification) is acted on later, on another thread. Span names
 * and tags name event types and topics only, never payload values.
 */
public class EventTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's context and the correlation id in the MDC; {@link EventTrace#NONE} outside a trace. */
    public EventTrace capture() {
        Span span = tracer.currentSpan();
        String correlationId = MDC.get(EventTrace.MDC_CORRELATION_ID);
        if (span == null) {
            return new EventTrace(null, null, correlationId);
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return new EventTrace(carrier.get(EventTrace.TRACEPARENT), carrier.get(EventTrace.TRACESTATE), correlationId);
    }

    /**
     * Runs {@code work} in a new span whose parent is {@code parent}'s trace (a new trace when it has none), with
     * its correlation id in the MDC; the span records an exception and ends when the work does.
     */
    public <T> T continueTrace(EventTrace parent, String spanName, Span.Kind kind, Map<String, String> tags,
                               Supplier<T> work) {
        Span span = start(parent, spanName, kind, tags);
        String previous = MDC.get(EventTrace.MDC_CORRELATION_ID);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            putOrRemove(parent.correlationId());
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            putOrRemove(previous);
            span.end();
        }
    }

    /** A span for work that ends elsewhere (a send acknowledged later); the caller ends it. */
    Span start(EventTrace parent, String spanName, Span.Kind kind, Map<String, String> tags) {
        Span.Builder builder = builder(parent, spanName).kind(kind);
        tags.forEach(builder::tag);
        return builder.start();
    }

    /** Without a kind: an internal span. */
    private Span.Builder builder(EventTrace parent, String spanName) {
        Map<String, String> carrier = parent.w3c();
        Span.Builder builder = carrier.isEmpty() ? tracer.spanBuilder()
                : propagator.extract(carrier, (map, key) -> map.get(key));
        return builder.name(spanName);
    }

    /**
     * A span in {@code current}'s trace (a new trace when it has none, as for a timer) linked to the trace of
     * {@code firstTraceparent}; answers its context, which the event then carries.
     */
    EventTrace linkedTo(String firstTraceparent, EventTrace current) {
        String[] first = firstTraceparent.split("-");
        TraceContext firstContext = tracer.traceContextBuilder().traceId(first[1]).spanId(first[2]).sampled(true)
                .build();
        Span span = builder(current, "continue consultation").addLink(new Link(firstContext))
                .start();
        span.end();
        return of(span, current);
    }

    /** The context of {@code span} with {@code trace}'s correlation id: what a record sent in that span carries. */
    EventTrace of(Span span, EventTrace trace) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return new EventTrace(carrier.get(EventTrace.TRACEPARENT), carrier.get(EventTrace.TRACESTATE),
                trace.correlationId());
    }

    private static void putOrRemove(@Nullable String correlationId) {
        if (correlationId == null) {
            MDC.remove(EventTrace.MDC_CORRELATION_ID);
        } else {
            MDC.put(EventTrace.MDC_CORRELATION_ID, correlationId);
        }
    }
}
