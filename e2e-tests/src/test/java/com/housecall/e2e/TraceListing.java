package com.housecall.e2e;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One trace as the lead reads it: its spans by start, indented under their parents, with offsets and durations. */
final class TraceListing {

    private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");

    private TraceListing() {
    }

    static String of(String traceId, List<SpanData> spans) {
        List<SpanData> sorted = spans.stream().sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
        Map<String, SpanData> byId = new HashMap<>();
        sorted.forEach(span -> byId.put(span.getSpanId(), span));
        long origin = sorted.isEmpty() ? 0 : sorted.getFirst().getStartEpochNanos();
        StringBuilder out = new StringBuilder("trace " + traceId + ": " + sorted.size()
                + " spans of the services (the gateway's, its root, are in the gateway's process)\n");
        out.append("%9s %9s  %-22s %-9s %s%n".formatted("start ms", "took ms", "service", "kind", "span"));
        for (SpanData span : sorted) {
            out.append("%9.1f %9.1f  %-22s %-9s %s%s%n".formatted(
                    (span.getStartEpochNanos() - origin) / 1e6,
                    (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6,
                    span.getResource().getAttribute(SERVICE), span.getKind(),
                    "  ".repeat(depth(span, byId)), span.getName()));
        }
        return out.toString();
    }

    private static int depth(SpanData span, Map<String, SpanData> byId) {
        int depth = 0;
        for (SpanData parent = byId.get(span.getParentSpanId()); parent != null;
             parent = byId.get(parent.getParentSpanId())) {
            depth++;
        }
        return depth;
    }
}
