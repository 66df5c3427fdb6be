package com.housecall.messaging.testapp;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** The span each traced handler ran in, by consultation, so a test can check whose child it was. */
public final class HandlerSpans {

    private final Map<UUID, TraceContext> byConsultation = new ConcurrentHashMap<>();

    void record(UUID consultationId, @Nullable Span span) {
        if (span != null) {
            byConsultation.put(consultationId, span.context());
        }
    }

    public @Nullable TraceContext of(UUID consultationId) {
        return byConsultation.get(consultationId);
    }
}
