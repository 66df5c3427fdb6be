package com.housecall.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventCatalog;
import com.housecall.events.EventJson;
import com.housecall.events.Topics;
import com.housecall.events.phi.DataKeyIssued;
import com.housecall.events.phi.DataKeyShredded;
import com.housecall.events.phi.KeyEncryptionKeys;
import com.housecall.events.phi.SealedPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;

/**
 * Publishes events as another service would: CloudEvents headers, key = consultation id; a PHI topic's payload
 * sealed as booking seals it, its data key (under the development KEK, the services' default in tests) announced on
 * booking.keys.v1 first.
 */
public final class TestEvents {

    private static final KeyEncryptionKeys KEKS = KeyEncryptionKeys.of(KeyEncryptionKeys.DEV, List.of());
    private static final Map<UUID, DataKeyIssued> DATA_KEYS = new ConcurrentHashMap<>();
    private static KafkaProducer<byte[], byte[]> producer;

    private TestEvents() {
    }

    /** Publishes {@code payload} with a new event id; returns the id. */
    public static String publish(ConsultationEvent payload, String sourceModule) {
        String id = UUID.randomUUID().toString();
        publish(payload, sourceModule, id);
        return id;
    }

    /** Publishes {@code payload} with the given event id (a redelivery when the id was used before). */
    public static RecordMetadata publish(ConsultationEvent payload, String sourceModule, String eventId) {
        EventCatalog.Entry entry = EventCatalog.of(payload);
        String subject = payload.consultationId().toString();
        Map<String, String> headers = CloudEventHeaders.of(eventId, CloudEventHeaders.source(sourceModule), entry.type(),
                Instant.now().toString(), subject);
        return send(entry.topic(), subject, value(payload), headers);
    }

    /** The record value booking would write: JSON, sealed on a PHI topic (its data key announced first). */
    public static byte[] value(ConsultationEvent payload) {
        EventCatalog.Entry entry = EventCatalog.of(payload);
        byte[] json = EventJson.write(payload);
        if (!Topics.carriesPhi(entry.topic())) {
            return json;
        }
        DataKeyIssued key = DATA_KEYS.computeIfAbsent(payload.consultationId(), TestEvents::issue);
        return SealedPayload.seal(key.consultationId(), key.keyId(), KEKS.unwrap(key.consultationId(),
                new KeyEncryptionKeys.Wrapped(key.kekVersion(), key.wrappedKey())), entry.type(), json);
    }

    /** Shreds the consultation's data key as booking's erasure does: its sealed records never open again. */
    public static void shred(UUID consultationId) {
        DataKeyIssued key = DATA_KEYS.get(consultationId);
        if (key != null) {
            publish(new DataKeyShredded(consultationId, key.keyId()), "booking-service");
        }
    }

    private static DataKeyIssued issue(UUID consultationId) {
        KeyEncryptionKeys.Wrapped wrapped = KEKS.wrap(consultationId, SealedPayload.newDataKey());
        DataKeyIssued key = new DataKeyIssued(consultationId, UUID.randomUUID(), wrapped.kekVersion(),
                wrapped.wrappedKey());
        publish(key, "booking-service");
        return key;
    }

    /** Publishes raw bytes with raw headers: for poison messages. */
    public static RecordMetadata send(String topic, String key, byte[] value, Map<String, String> headers) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, v) -> recordHeaders.add(name, v.getBytes(UTF_8)));
        try {
            return producer().send(new ProducerRecord<>(topic, null, key == null ? null : key.getBytes(UTF_8), value,
                    recordHeaders)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + topic, e);
        }
    }

    /** Waits until {@code consumerGroup} has committed past the record: it was handled (or dead-lettered). */
    public static void awaitConsumed(String consumerGroup, RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(consumerGroup)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    private static synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
