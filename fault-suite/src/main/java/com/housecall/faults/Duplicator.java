package com.housecall.faults;

import com.housecall.benchmarks.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Every event twice: from before the load until it is terminal, each record that reaches a platform topic
 * ({@code *.v1}) is sent again to the same partition with the same key, value and headers, marked
 * {@value #COPY} so that the copy itself is not copied. The services must change nothing on the second one.
 */
final class Duplicator implements Fault {

    static final String COPY = "x-housecall-fault-copy";

    private final KafkaClients clients;
    private final String bootstrap;
    private final AtomicLong copies = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    Duplicator(KafkaClients clients, String bootstrap) {
        this.clients = clients;
        this.bootstrap = bootstrap;
    }

    @Override
    public void beforeLoad() {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clients.consumer(bootstrap, "housecall-faults"));
        List<TopicPartition> partitions = platformPartitions(consumer);
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolved now: everything sent from here on is copied
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(clients.producer(bootstrap));
        running = true;
        thread = Thread.ofPlatform().name("fault-duplicator").start(() -> copy(consumer, producer));
    }

    static List<TopicPartition> platformPartitions(KafkaConsumer<?, ?> consumer) {
        return consumer.listTopics(Duration.ofSeconds(30)).entrySet().stream()
                .filter(topic -> topic.getKey().endsWith(".v1"))
                .flatMap(topic -> topic.getValue().stream().map(p -> new TopicPartition(p.topic(), p.partition())))
                .toList();
    }

    private void copy(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer) {
        try (consumer; producer) {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.headers().lastHeader(COPY) == null) {
                        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
                        headers.add(COPY, "1".getBytes(StandardCharsets.UTF_8));
                        producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(),
                                record.value(), headers));
                        copies.incrementAndGet();
                    }
                }
            }
            producer.flush();
        }
    }

    @Override
    public Timing inject() {
        return Timing.NONE; // copying since before the load
    }

    @Override
    public void afterTerminal() throws InterruptedException {
        running = false;
        thread.join();
    }

    @Override
    public List<String> check() {
        System.out.printf("faults: duplicates: %d events sent a second time%n", copies.get());
        return copies.get() > 0 ? List.of() : List.of("no event was copied: the duplicate scenario tested nothing");
    }
}
