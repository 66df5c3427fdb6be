package com.housecall.faults;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.benchmarks.KafkaClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Poison records on every platform topic, mid-load: one without CloudEvents headers, which every reader must
 * reject into its dead-letter topic with a reason (and which the console replays), and one with the headers of the
 * topic's latest event and a body cut short, which the readers that decode that type reject (the console keeps
 * events it cannot read, without data; the suite cannot tell from outside which groups decode a type). Nothing else
 * may be dead-lettered and the consultations flowing meanwhile must not notice.
 */
final class Poison implements Fault {

    /** A poison record as sent; {@code everyReader}: every group reading the topic must dead-letter it. */
    record Sent(String topic, int partition, long offset, boolean everyReader) {
    }

    private final KafkaClients clients;
    private final String bootstrap;
    private final Broker broker;
    private final DeadLetterCheck deadLetters;
    private final List<Sent> sent = new ArrayList<>();
    private Map<TopicPartition, Long> before = Map.of();

    Poison(KafkaClients clients, String bootstrap, Broker broker, DeadLetterCheck deadLetters) {
        this.clients = clients;
        this.bootstrap = bootstrap;
        this.broker = broker;
        this.deadLetters = deadLetters;
    }

    @Override
    public void beforeLoad() throws InterruptedException {
        before = broker.deadLetterEnds();
        sent.clear();
    }

    @Override
    public Timing inject() throws Exception {
        try (var consumer = new KafkaConsumer<byte[], byte[]>(clients.consumer(bootstrap, "housecall-faults"));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(clients.producer(bootstrap))) {
            for (TopicPartition partition : Duplicator.platformPartitions(consumer)) {
                if (partition.partition() != 0) {
                    continue; // one partition a topic is enough
                }
                String key = "poison-" + UUID.randomUUID();
                sent.add(send(producer, partition, key, "not an event".getBytes(UTF_8), new RecordHeaders(), true));
                RecordHeaders latest = latestHeaders(consumer, partition);
                if (latest != null) {
                    latest.remove("ce_id");
                    latest.add("ce_id", UUID.randomUUID().toString().getBytes(UTF_8));
                    sent.add(send(producer, partition, key, "{\"consultationId\": ".getBytes(UTF_8), latest, false));
                }
            }
        }
        System.out.printf("faults: poison: %d records on %d topics%n", sent.size(),
                sent.stream().map(Sent::topic).distinct().count());
        return Timing.NONE;
    }

    private static Sent send(KafkaProducer<byte[], byte[]> producer, TopicPartition partition, String key,
                             byte[] value, RecordHeaders headers, boolean everyReader) throws Exception {
        RecordMetadata at = producer.send(new ProducerRecord<>(partition.topic(), partition.partition(),
                key.getBytes(UTF_8), value, headers)).get();
        return new Sent(at.topic(), at.partition(), at.offset(), everyReader);
    }

    /** The headers of the partition's last record that has a type (tracing and copy marks dropped), or null. */
    private static RecordHeaders latestHeaders(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition) {
        consumer.assign(List.of(partition));
        consumer.seekToEnd(List.of(partition));
        long end = consumer.position(partition);
        consumer.seek(partition, Math.max(0, end - 20));
        RecordHeaders found = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (consumer.position(partition) < end && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.headers().lastHeader("ce_type") != null) {
                    found = new RecordHeaders();
                    for (Header h : record.headers()) {
                        if (h.key().startsWith("ce_") || h.key().equals("content-type")) {
                            found.add(h.key(), h.value());
                        }
                    }
                }
            }
        }
        return found;
    }

    @Override
    public boolean deadLetters() {
        return true;
    }

    @Override
    public List<String> check() throws Exception {
        return deadLetters.check(sent, before);
    }
}
