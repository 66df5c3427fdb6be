package com.housecall.console;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.EventJson;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.dispatch.VisitProgress;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Not part of {@code ./mvnw verify} (the name ends in Benchmark). Run it alone:
 * {@code ../mvnw verify -Dtest=StreamBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.rate=200 -Dbench.seconds=30 -Dbench.clients=5}). Publishes at a steady rate to a shared topic,
 * as the services would, while operators read the unfiltered stream; every operator must get every event, once,
 * in the same order.
 */
class StreamBenchmark extends ConsoleIntegration {

    @Test
    void theStreamKeepsUpWithEveryOperator() throws Exception {
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int clientCount = Integer.getInteger("bench.clients", 5);
        int total = rate * seconds;

        List<SseClient> clients = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            clients.add(stream("operator1", "/api/ops/events", null));
        }
        Map<String, Long> published = new ConcurrentHashMap<>();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait); // pacing the load, not waiting for an outcome
                }
                UUID consultationId = UUID.randomUUID();
                String id = UUID.randomUUID().toString();
                RecordHeaders headers = new RecordHeaders();
                CloudEventHeaders.of(id, "/housecall/dispatch-service", EventTypes.VISIT_STATUS_CHANGED,
                        Instant.now().toString(), consultationId.toString())
                        .forEach((name, value) -> headers.add(name, value.getBytes(UTF_8)));
                byte[] value = EventJson.write(new VisitStatusChanged(consultationId, UUID.randomUUID(), VisitProgress.EN_ROUTE,
                        Instant.now()));
                published.put(id, System.nanoTime());
                producer.send(new ProducerRecord<>(Topics.DISPATCH_EVENTS, null,
                        consultationId.toString().getBytes(UTF_8), value, headers));
            }
        }
        double publishSeconds = (System.nanoTime() - start) / 1e9;

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> clients.stream()
                .allMatch(client -> client.messages().stream().filter(m -> published.containsKey(m.id())).count() >= total));
        long end = System.nanoTime();

        List<String> firstOrder = null;
        List<Long> latencies = new ArrayList<>();
        List<Long> secondHalf = new ArrayList<>(); // after the JIT and the consumer have warmed up
        for (SseClient client : clients) {
            List<SseClient.Message> mine = client.messages().stream().filter(m -> published.containsKey(m.id())).toList();
            List<String> order = mine.stream().map(SseClient.Message::id).toList();
            assertThat(new HashSet<>(order)).hasSize(total); // every event, none twice
            assertThat(order).hasSize(total);
            if (firstOrder == null) {
                firstOrder = order;
            } else {
                assertThat(order).isEqualTo(firstOrder); // the same order for everyone
            }
            mine.forEach(m -> {
                long sent = published.get(m.id());
                latencies.add(m.receivedNanos() - sent);
                if (sent >= start + (long) (publishSeconds * 1e9 / 2)) {
                    secondHalf.add(m.receivedNanos() - sent);
                }
            });
            client.close();
        }
        latencies.sort(Long::compare);
        secondHalf.sort(Long::compare);
        System.out.printf("BENCHMARK operator stream: %d events at %d/s target (published in %.1f s = %.0f/s) to %d "
                        + "clients; all delivered %.1f s after the first publish; latency publish->SSE ms: p50 %.0f, "
                        + "p95 %.0f, p99 %.0f, max %.0f; second half of the run: p50 %.0f, p95 %.0f, p99 %.0f, max %.0f; "
                        + "delivered %d messages, dropped 0%n",
                total, rate, publishSeconds, total / publishSeconds, clientCount, (end - start) / 1e9,
                ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99), latencies.getLast() / 1e6,
                ms(secondHalf, 0.50), ms(secondHalf, 0.95), ms(secondHalf, 0.99), secondHalf.getLast() / 1e6,
                latencies.size());
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }
}
