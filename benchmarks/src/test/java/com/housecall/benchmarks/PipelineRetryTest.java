package com.housecall.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A referral refused by a gateway with its service down is sent again as the same referral, as a clinic would. */
class PipelineRetryTest {

    private final List<String> identifiers = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    private HttpServer gateway;

    @BeforeEach
    void gatewayRefusingTheFirstReferral() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/referrals", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            identifiers.add(body.replaceAll("(?s).*\"value\": *\"(bench-[^\"]+)\".*", "$1"));
            boolean first = answered.getAndIncrement() == 0;
            byte[] answer = first ? new byte[0] : "{\"id\": \"consultation-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(first ? 502 : 200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void aRefusalTheClinicWouldRetryIsSentAgainWithTheSameIdentifier() {
        Pipeline.Answer answer = pipeline(6).send(0, "bench-run-0", 1).join();

        assertThat(answer.id()).isEqualTo("consultation-1");
        assertThat(answer.retriedAfter()).containsExactly("HTTP 502");
        assertThat(identifiers).containsExactly("bench-run-0", "bench-run-0");
    }

    @Test
    void theBenchmarkSendsOnceAndCountsTheRefusal() {
        Pipeline.Answer answer = pipeline(1).send(0, "bench-run-0", 1).join();

        assertThat(answer.id()).isNull();
        assertThat(answer.refusal()).isEqualTo("HTTP 502");
        assertThat(identifiers).hasSize(1);
    }

    /** As clinics back off: doubling up to a minute, never in step, and on average as patient as without jitter. */
    @Test
    void retriesWaitLongerEachTimeUpToAMinuteAQuarterEitherSideAtRandom() {
        long[] nominal = {2, 4, 8, 16, 32, 60, 60};
        for (int attempt = 1; attempt <= nominal.length; attempt++) {
            long expected = nominal[attempt - 1] * 1000;
            List<Long> waits = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                waits.add(Pipeline.retryDelay(attempt).toMillis());
            }
            assertThat(waits).allSatisfy(wait -> assertThat(wait).isBetween(expected * 3 / 4, expected * 5 / 4));
            assertThat(waits.stream().distinct().count()).as("waits after try %d", attempt).isGreaterThan(100);
            assertThat(waits.stream().mapToLong(Long::longValue).average().orElseThrow())
                    .isCloseTo(expected, offset(expected * 0.1));
        }
    }

    private Pipeline pipeline(int attempts) {
        String url = "http://127.0.0.1:" + gateway.getAddress().getPort();
        Options options = Options.parse(List.of("--short"), Map.of(), Path.of("/tmp/state"));
        Options here = new Options(true, 1, options.duration(), 0, options.drain(), url, url, "127.0.0.1:1",
                options.reports());
        HttpClient http = HttpClient.newHttpClient();
        return new Pipeline(here, http, new Tokens(http, url), new LoadShape(LocalDate.of(2026, 12, 7)), attempts);
    }
}
