package com.housecall.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventJson;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.phi.DataKeyIssued;
import com.housecall.events.phi.KeyEncryptionKeys;
import com.housecall.events.phi.SealedPayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Records everything published on some topics, from their beginning, so a test can wait for an event and look
 * at its headers, key and payload.
 */
public final class TopicRecorder implements AutoCloseable {

    /** One record as it was on the topic. Header values are decoded as UTF-8. */
    public record Received(String topic, int partition, long offset, String key, String value,
                           Map<String, String> headers) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Thread poller;
    private volatile boolean running = true;

    private TopicRecorder(List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        poller = Thread.ofPlatform().name("topic-recorder").daemon().start(this::poll);
    }

    /** Recording a PHI topic records booking.keys.v1 too, so {@link #opened} finds each record's data key. */
    public static TopicRecorder start(String... topics) {
        List<String> recorded = new ArrayList<>(List.of(topics));
        if (recorded.stream().anyMatch(Topics::carriesPhi) && !recorded.contains(Topics.BOOKING_KEYS)) {
            recorded.add(Topics.BOOKING_KEYS);
        }
        return new TopicRecorder(recorded);
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    received.add(toReceived(record));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private static Received toReceived(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), UTF_8));
        }
        return new Received(record.topic(), record.partition(), record.offset(),
                record.key() == null ? null : new String(record.key(), UTF_8),
                record.value() == null ? null : new String(record.value(), UTF_8), headers);
    }

    public List<Received> all() {
        return new ArrayList<>(received);
    }

    public List<Received> matching(Predicate<Received> filter) {
        return received.stream().filter(filter).toList();
    }

    /** Waits for the first record of {@code type} about {@code consultationId} on {@code topic}. */
    public Received awaitOne(String topic, String type, String consultationId) {
        Predicate<Received> filter = r -> r.topic().equals(topic) && type.equals(r.header("ce_type"))
                && consultationId.equals(r.header("ce_subject"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !matching(filter).isEmpty());
        return matching(filter).getFirst();
    }

    /**
     * The JSON payload of a record: a PHI topic's opened with its consultation's data key as booking.keys.v1 last
     * announced it, under the development KEK the services use in tests.
     */
    public String opened(Received record) {
        if (!Topics.carriesPhi(record.topic())) {
            return record.value();
        }
        SealedPayload sealed = SealedPayload.read(record.value().getBytes(UTF_8));
        String consultationId = sealed.consultationId().toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> !keysOf(consultationId).isEmpty());
        DataKeyIssued key = EventJson.read(keysOf(consultationId).getLast().value().getBytes(UTF_8),
                DataKeyIssued.class);
        var dataKey = KeyEncryptionKeys.of(KeyEncryptionKeys.DEV, List.of()).unwrap(key.consultationId(),
                new KeyEncryptionKeys.Wrapped(key.kekVersion(), key.wrappedKey()));
        return new String(sealed.open(dataKey, record.header("ce_type")), UTF_8);
    }

    private List<Received> keysOf(String consultationId) {
        return matching(r -> r.topic().equals(Topics.BOOKING_KEYS)
                && EventTypes.DATA_KEY_ISSUED.equals(r.header("ce_type"))
                && consultationId.equals(r.header("ce_subject")));
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
