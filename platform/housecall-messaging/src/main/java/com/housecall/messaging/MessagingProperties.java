package com.housecall.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay, the topics a service declares, and consumer retries.
 *
 * @param relayEnabled off only in tests that simulate a crash between commit and send
 * @param relayInterval the relay's fallback poll: a commit that appended wakes it at once ({@link OutboxWriter});
 *                      the poll sends what a crash or another instance left
 * @param maxAttempts  deliveries of a failing record before it goes to the dead-letter topic
 * @param inboxRetention how long a processed event id is remembered: longer than the topics keep records (Kafka's
 *                     default 7 days) and than a dead letter may wait for its replay
 */
@ConfigurationProperties("housecall.messaging")
public record MessagingProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("1s") Duration relayInterval,
        @DefaultValue("200") int relayBatchSize,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("5s") Duration maxBackoff,
        @DefaultValue("30d") Duration inboxRetention,
        @DefaultValue("10m") Duration inboxPurgeInterval) {
}
