package com.housecall.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * The first terminal status of each consultation as booking publishes it on booking.events.v1
 * ({@code booking.confirmed} or {@code booking.unfulfilled}: the first visit only, DECISIONS 24), read with a plain
 * consumer from the topic's end when the run starts. No API polling: a poll is load, and a GET writes a PHI audit row.
 */
public final class Terminals implements AutoCloseable {

    public static final String TOPIC = "booking.events.v1";
    public static final String CONFIRMED = "com.housecall.booking.confirmed";
    public static final String UNFULFILLED = "com.housecall.booking.unfulfilled";

    public record Terminal(long atNanos, String type) {
    }

    private final Map<String, Terminal> first = new ConcurrentHashMap<>();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    public Terminals(KafkaClients clients, String bootstrap) {
        consumer = new KafkaConsumer<>(clients.consumer(bootstrap, "housecall-bench"));
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolved now: nothing sent after this is missed
        thread = Thread.ofPlatform().name("bench-terminals").start(this::run);
    }

    private void run() {
        while (running) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                long now = System.nanoTime();
                Header type = record.headers().lastHeader("ce_type");
                String value = type == null ? "" : new String(type.value(), UTF_8);
                if ((value.equals(CONFIRMED) || value.equals(UNFULFILLED)) && record.key() != null) {
                    first.putIfAbsent(new String(record.key(), UTF_8), new Terminal(now, value));
                }
            }
        }
        consumer.close();
    }

    public Terminal of(String consultationId) {
        return first.get(consultationId);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
