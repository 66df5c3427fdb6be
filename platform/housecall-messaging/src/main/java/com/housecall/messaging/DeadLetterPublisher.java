package com.housecall.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;

/**
 * Sends a record that failed every attempt to {@code <topic>.<group>.dlq}: the original key, value and headers,
 * plus where it came from and a safe reason. No stack trace and no class name.
 */
class DeadLetterPublisher implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterPublisher.class);

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final String consumerGroup;
    private final MeterRegistry meters;

    DeadLetterPublisher(KafkaTemplate<byte[], byte[]> kafka, String consumerGroup, MeterRegistry meters) {
        this.kafka = kafka;
        this.consumerGroup = consumerGroup;
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> failed, Exception exception) {
        String reason = FailureReason.of(exception);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : failed.headers()) {
            headers.add(header);
        }
        headers.add(CloudEventHeaders.ORIGINAL_TOPIC, failed.topic().getBytes(UTF_8));
        headers.add(CloudEventHeaders.ORIGINAL_PARTITION, String.valueOf(failed.partition()).getBytes(UTF_8));
        headers.add(CloudEventHeaders.ORIGINAL_OFFSET, String.valueOf(failed.offset()).getBytes(UTF_8));
        headers.add(CloudEventHeaders.EXCEPTION_MESSAGE, reason.getBytes(UTF_8));
        String deadLetterTopic = Topics.deadLetter(failed.topic(), consumerGroup);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(deadLetterTopic, null, bytes(failed.key()),
                bytes(failed.value()), headers);
        kafka.send(record).orTimeout(30, TimeUnit.SECONDS).join();
        counter(meters, failed.topic()).increment();
        log.warn("Dead-lettered {}:{}:{} to {}: {} [{}]", failed.topic(), failed.partition(), failed.offset(),
                deadLetterTopic, reason, FailureReason.types(exception));
    }

    /** {@code housecall_dead_letters_total{topic}}: the topic the record failed on, a short fixed list. */
    static Counter counter(MeterRegistry meters, String topic) {
        return meters.counter("housecall.dead.letters", "topic", topic);
    }

    private static byte[] bytes(Object value) {
        return switch (value) {
            case null -> null;
            case byte[] b -> b;
            default -> value.toString().getBytes(UTF_8);
        };
    }
}
