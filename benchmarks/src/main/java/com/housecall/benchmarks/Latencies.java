package com.housecall.benchmarks;

import java.util.Collection;

/** Percentiles (nearest rank) of one set of latencies, in milliseconds. */
public record Latencies(int count, double p50, double p90, double p99, double max) {

    static Latencies of(Collection<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Latencies(sorted.length, millis(rank(sorted, 0.50)), millis(rank(sorted, 0.90)),
                millis(rank(sorted, 0.99)), millis(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }

    public String json() {
        return "{\"count\": %d, \"p50Ms\": %s, \"p90Ms\": %s, \"p99Ms\": %s, \"maxMs\": %s}"
                .formatted(count, p50, p90, p99, max);
    }

    public String summary() {
        return "p50 %s ms, p90 %s ms, p99 %s ms, max %s ms".formatted(p50, p90, p99, max);
    }
}
