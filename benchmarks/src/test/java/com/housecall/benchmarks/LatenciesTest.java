package com.housecall.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        List<Long> nanos = LongStream.rangeClosed(1, 100).map(ms -> ms * 1_000_000).boxed().toList();

        Latencies latencies = Latencies.of(nanos);

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50()).isEqualTo(50.0);
        assertThat(latencies.p90()).isEqualTo(90.0);
        assertThat(latencies.p99()).isEqualTo(99.0);
        assertThat(latencies.max()).isEqualTo(100.0);
        assertThat(latencies.json()).contains("\"p99Ms\": 99.0");
    }

    @Test
    void noLatenciesAreNotANumber() {
        assertThat(Latencies.of(List.of()).p50()).isNaN();
    }
}
