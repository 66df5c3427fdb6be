package com.housecall.messaging;

import com.housecall.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.BiFunction;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;

/**
 * Moves retries and dead letters from the binder into the listener container, so every binding retries with
 * exponential backoff and then dead-letters through {@link DeadLetterPublisher}, with our headers only.
 * A rejected record (unreadable) skips the retries. Each container is also watched for readiness and its consumers
 * made static members of their group ({@link StaticMembership}).
 */
class RetryThenDeadLetter implements ListenerContainerWithDlqAndRetryCustomizer {

    private final KafkaTemplate<byte[], byte[]> kafka;
    private final KafkaAdmin admin;
    private final MessagingProperties properties;
    private final KafkaConsumersHealthIndicator readiness;
    private final StaticMembership membership;
    private final MeterRegistry meters;

    RetryThenDeadLetter(KafkaTemplate<byte[], byte[]> kafka, KafkaAdmin admin, MessagingProperties properties,
                        KafkaConsumersHealthIndicator readiness, StaticMembership membership, MeterRegistry meters) {
        this.kafka = kafka;
        this.admin = admin;
        this.properties = properties;
        this.readiness = readiness;
        this.membership = membership;
        this.meters = meters;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                          BackOff backOff) {
        admin.createOrModifyTopics(new NewTopic(Topics.deadLetter(destinationName, group), 1,
                properties.replicationFactor()));
        ExponentialBackOffWithMaxRetries retries = new ExponentialBackOffWithMaxRetries(properties.maxAttempts() - 1);
        retries.setInitialInterval(properties.initialBackoff().toMillis());
        retries.setMultiplier(2.0);
        retries.setMaxInterval(properties.maxBackoff().toMillis());
        DefaultErrorHandler errorHandler = new DefaultErrorHandler(new DeadLetterPublisher(kafka, group, meters),
                retries);
        errorHandler.addNotRetryableExceptions(EventRejectedException.class);
        errorHandler.setLogLevel(org.springframework.kafka.KafkaException.Level.DEBUG);
        container.setCommonErrorHandler(errorHandler);
        readiness.watch(container);
        membership.join(container, destinationName, group);
        // at 0 from the start, so a rate over the first dead letter is not lost
        DeadLetterPublisher.counter(meters, destinationName);
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }
}
