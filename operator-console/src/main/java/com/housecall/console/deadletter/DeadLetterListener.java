package com.housecall.console.deadletter;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads every dead-letter topic ({@code <topic>.<group>.dlq}, by pattern) with group {@code operator-console}.
 * A plain Kafka listener rather than a Stream binding: the platform's retry-then-dead-letter customizer of
 * every binding would give this one a dead-letter topic of its own, named after the pattern (invalid) and itself
 * matching {@code .dlq} (a loop). A record that cannot be stored is retried, then logged and skipped.
 */
@Component
class DeadLetterListener {

    private final DeadLetters deadLetters;

    DeadLetterListener(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = "operator-console-dead-letters", groupId = "${spring.application.name}",
            topicPattern = ".*\\.dlq", containerFactory = "deadLetterContainerFactory")
    void onDeadLetter(ConsumerRecord<byte[], byte[]> record) {
        deadLetters.store(record);
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        /**
         * Bytes in, from the beginning of a topic found later, and new dead-letter topics noticed within seconds
         * (a pattern subscription only sees topics created after it on a metadata refresh).
         */
        @Bean
        ConcurrentKafkaListenerContainerFactory<byte[], byte[]> deadLetterContainerFactory(KafkaProperties kafka) {
            Map<String, Object> config = kafka.buildConsumerProperties();
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 2000);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
            factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()));
            return factory;
        }
    }
}
