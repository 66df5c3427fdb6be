package com.housecall.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * A stand-in producer for the relay that can act while a batch is being sent: it runs {@link #duringSend} before
 * each send, then records the event's id and acknowledges at once; it never talks to a broker.
 */
final class RecordingKafka extends KafkaTemplate<byte[], byte[]> {

    private final List<String> sentIds = new CopyOnWriteArrayList<>();
    private volatile Runnable duringSend = () -> { };

    RecordingKafka() {
        super(new DefaultKafkaProducerFactory<>(Map.of()));
    }

    void duringSend(Runnable action) {
        duringSend = action;
    }

    /** The {@code ce_id} of every record sent, in sending order. */
    List<String> sentIds() {
        return List.copyOf(sentIds);
    }

    @Override
    public CompletableFuture<SendResult<byte[], byte[]>> send(ProducerRecord<byte[], byte[]> record) {
        duringSend.run();
        sentIds.add(new String(record.headers().lastHeader("ce_id").value(), UTF_8));
        return CompletableFuture.completedFuture(new SendResult<>(record, null));
    }

    @Override
    public void flush() {
    }
}
