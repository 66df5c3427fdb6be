package com.housecall.benchmarks;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The floor the pipeline is compared with (DECISIONS 22): a chain of plain kafka-clients relays with the same number
 * of hops as a consultation's way to CONFIRMED (consultation.requested, screening.completed, visit.requested,
 * visit.scheduled, booking.confirmed), the platform's own client settings, at the same rate, in the same run.
 * Each relay consumes, sends on and commits its offsets, as a service would without a database in between.
 */
final class BareRelay {

    static final int HOPS = 5;
    private static final int PARTITIONS = 3;

    private final KafkaClients clients;
    private final String bootstrap;

    BareRelay(KafkaClients clients, String bootstrap) {
        this.clients = clients;
        this.bootstrap = bootstrap;
    }

    Latencies run(double rate, int count) throws InterruptedException, ExecutionException {
        String run = "bench.relay." + UUID.randomUUID().toString().substring(0, 8);
        List<String> topics = new ArrayList<>();
        for (int hop = 0; hop < HOPS; hop++) {
            topics.add(run + "." + hop);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // replicated as the cluster replicates the platform's topics (one node: one copy; three: three)
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, Optional.of(PARTITIONS), Optional.empty()))
                    .toList()).all().get();
            try {
                return timed(run, topics, rate, count);
            } finally {
                admin.deleteTopics(topics).all().get();
            }
        }
    }

    private Latencies timed(String run, List<String> topics, double rate, int count) throws InterruptedException {
        long[] sentAt = new long[count];
        long[] arrivedAt = new long[count];
        List<Relay> relays = new ArrayList<>();
        for (int hop = 0; hop + 1 < HOPS; hop++) {
            relays.add(new Relay(run + ".relay" + hop, topics.get(hop), topics.get(hop + 1)));
        }
        Relay last = new Relay(run + ".end", topics.getLast(), null);
        try (KafkaProducer<byte[], byte[]> first = new KafkaProducer<>(clients.producer(bootstrap))) {
            relays.forEach(Relay::start);
            last.startCounting(arrivedAt, count);
            Schedule.atRate(rate, count, n -> {
                sentAt[n] = System.nanoTime();
                first.send(new ProducerRecord<>(topics.getFirst(), UUID.randomUUID().toString().getBytes(),
                        ByteBuffer.allocate(Integer.BYTES).putInt(n).array()));
            });
            last.awaitCount(Duration.ofSeconds(60));
        } finally {
            relays.forEach(Relay::stop);
            last.stop();
        }
        List<Long> latencies = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            if (arrivedAt[n] != 0) {
                latencies.add(arrivedAt[n] - sentAt[n]);
            }
        }
        return Latencies.of(latencies);
    }

    /** One hop: consumes {@code from}, sends each record on to {@code to} (or, the last, notes its arrival). */
    private final class Relay {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final KafkaProducer<byte[], byte[]> producer;
        private final String to;
        private volatile boolean running = true;
        private Thread thread;
        private long[] arrivedAt;
        private int arrived;
        private int expected;

        Relay(String group, String from, String to) {
            this.consumer = new KafkaConsumer<>(clients.consumer(bootstrap, group));
            this.producer = to == null ? null : new KafkaProducer<>(clients.producer(bootstrap));
            this.to = to;
            // assigned, not subscribed: no group join to wait for before the clock starts
            consumer.assign(consumer.partitionsFor(from, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(from, p.partition())).toList());
        }

        void start() {
            thread = Thread.ofPlatform().name("bench-" + to).start(this::loop);
        }

        synchronized void startCounting(long[] arrivals, int count) {
            this.arrivedAt = arrivals;
            this.expected = count;
            start();
        }

        private void loop() {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (to != null) {
                        producer.send(new ProducerRecord<>(to, record.key(), record.value()));
                    } else {
                        arrive(ByteBuffer.wrap(record.value()).getInt());
                    }
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
            consumer.close();
            if (producer != null) {
                producer.close();
            }
        }

        private synchronized void arrive(int n) {
            if (arrivedAt[n] == 0) {
                arrivedAt[n] = System.nanoTime();
                arrived++;
                notifyAll();
            }
        }

        synchronized void awaitCount(Duration timeout) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (arrived < expected && System.currentTimeMillis() < deadline) {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            }
        }

        void stop() {
            running = false;
            try {
                if (thread != null) {
                    thread.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
