package com.housecall.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.EventCatalog;
import com.housecall.events.EventJson;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.phi.DataKeyIssued;
import com.housecall.events.phi.DataKeyShredded;
import com.housecall.events.phi.KeyEncryptionKeys;
import com.housecall.events.phi.SealedDataException;
import com.housecall.events.phi.SealedPayload;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The readers' side of envelope encryption: every consultation's wrapped data key as booking.keys.v1 last said it,
 * read from the start of that compacted topic by a consumer of its own (no group: every instance holds every key) and
 * kept in memory only, so a shred leaves no copy behind. Started by the first PHI record a service reads.
 */
public class DataKeyRing implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DataKeyRing.class);

    /** The record's data key has not arrived yet: retried with backoff like any failed handler. */
    static final class KeyNotYetKnownException extends RuntimeException implements SafeMessage {
        KeyNotYetKnownException() {
            super("the data key of this consultation has not arrived on " + Topics.BOOKING_KEYS);
        }
    }

    private final Map<String, Object> consumerConfig;
    private final KeyEncryptionKeys keks;
    private final Duration wait;
    private final Map<UUID, DataKeyIssued> keys = new ConcurrentHashMap<>();
    private final Set<UUID> shredded = ConcurrentHashMap.newKeySet();
    private final Object arrivals = new Object();
    private @Nullable KafkaConsumer<byte[], byte[]> consumer;
    private @Nullable Thread reader;
    private volatile boolean running = true;
    /** Read up to where the topic ended when the reader started: before that, a key seen may be shredded later. */
    private volatile boolean caughtUp;

    public DataKeyRing(Map<String, Object> consumerConfig, KeyEncryptionKeys keks, Duration wait) {
        this.consumerConfig = consumerConfig;
        this.keks = keks;
        this.wait = wait;
    }

    /**
     * The event with its payload opened when its type travels on a PHI topic; empty when its consultation was erased
     * (nothing left to read). A value that is not sealed, or does not open, is rejected without quoting it.
     */
    Optional<InboundEvent> open(InboundEvent event) {
        if (event.type().equals(EventTypes.PERSONAL_DATA_ERASED)) {
            // the shred may still be on its way on booking.keys.v1: no PHI record of it opens from now on
            forget(event.consultationId());
            return Optional.of(event);
        }
        boolean phi = EventCatalog.byType(event.type()).map(entry -> Topics.carriesPhi(entry.topic())).orElse(false);
        if (!phi) {
            return Optional.of(event);
        }
        try {
            SealedPayload sealed = SealedPayload.read(event.payload());
            if (!sealed.consultationId().equals(event.consultationId())) {
                throw new EventRejectedException("sealed payload of another consultation");
            }
            DataKeyIssued key = await(sealed.consultationId());
            if (key == null) {
                return Optional.empty();
            }
            if (!key.keyId().equals(sealed.keyId())) {
                throw new EventRejectedException("sealed by an unknown data key");
            }
            var dataKey = keks.unwrap(key.consultationId(), new KeyEncryptionKeys.Wrapped(key.kekVersion(),
                    key.wrappedKey()));
            return Optional.of(event.withPayload(sealed.open(dataKey, event.type())));
        } catch (SealedDataException e) {
            throw new EventRejectedException("payload of " + event.type() + " is not readable");
        }
    }

    private @Nullable DataKeyIssued await(UUID consultationId) {
        start();
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (arrivals) {
            while (!caughtUp || !shredded.contains(consultationId) && !keys.containsKey(consultationId)) {
                long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
                if (left <= 0) {
                    throw new KeyNotYetKnownException();
                }
                try {
                    arrivals.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KeyNotYetKnownException();
                }
            }
        }
        return keys.get(consultationId);
    }

    private synchronized void start() {
        if (reader != null || !running) {
            return;
        }
        consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        reader = Thread.ofPlatform().daemon().name("data-key-ring").start(this::read);
    }

    private void read() {
        try (KafkaConsumer<byte[], byte[]> keysConsumer = consumer) {
            var partitions = keysConsumer.partitionsFor(Topics.BOOKING_KEYS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            keysConsumer.assign(partitions);
            keysConsumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = keysConsumer.endOffsets(partitions);
            while (running) {
                keysConsumer.poll(Duration.ofMillis(500)).forEach(this::remember);
                if (!caughtUp && ends.entrySet().stream()
                        .allMatch(end -> keysConsumer.position(end.getKey()) >= end.getValue())) {
                    caughtUp = true;
                    synchronized (arrivals) {
                        arrivals.notifyAll();
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.warn("Reading {} stopped ({}); the next sealed record starts it again", Topics.BOOKING_KEYS,
                    e.getClass().getSimpleName());
            synchronized (this) {
                reader = null;
            }
        }
    }

    private void remember(ConsumerRecord<byte[], byte[]> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (type == null || record.value() == null) {
            return;
        }
        try {
            remember(new String(type.value(), UTF_8), record.value());
        } catch (RuntimeException e) {
            log.warn("Skipped an unreadable record on {} at offset {}", Topics.BOOKING_KEYS, record.offset());
        }
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
    }

    private void remember(String type, byte[] value) {
        switch (type) {
            case EventTypes.DATA_KEY_ISSUED -> {
                DataKeyIssued issued = EventJson.read(value, DataKeyIssued.class);
                if (!shredded.contains(issued.consultationId())) {
                    keys.put(issued.consultationId(), issued);
                }
            }
            case EventTypes.DATA_KEY_SHREDDED -> forget(EventJson.read(value, DataKeyShredded.class).consultationId());
            default -> {
                // another type: nothing to remember
            }
        }
    }

    private void forget(UUID consultationId) {
        shredded.add(consultationId);
        keys.remove(consultationId);
    }

    @Override
    public synchronized void destroy() throws InterruptedException {
        running = false;
        if (consumer != null && reader != null) {
            consumer.wakeup();
            reader.join(Duration.ofSeconds(5));
        }
    }

    static Map<String, Object> consumerConfig(Map<String, Object> base) {
        Map<String, Object> config = new HashMap<>(base);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }
}
