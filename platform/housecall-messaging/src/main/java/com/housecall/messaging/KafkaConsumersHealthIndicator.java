package com.housecall.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The {@code kafkaConsumers} health of the readiness group (DECISIONS 31): up once every binding's consumer has
 * started and holds a connection to the broker; partition assignment is not awaited, since a rebalance would
 * otherwise take every instance out of service at once. Read from the consumers' own client metrics: no call to
 * the broker per probe.
 */
class KafkaConsumersHealthIndicator implements HealthIndicator {

    private final List<MessageListenerContainer> containers = new CopyOnWriteArrayList<>();

    /** Every binding's container passes through {@link RetryThenDeadLetter}, which hands it here. */
    void watch(MessageListenerContainer container) {
        containers.add(container);
    }

    @Override
    public Health health() {
        if (containers.isEmpty()) {
            return Health.down().withDetail("consumers", "none bound yet").build();
        }
        List<String> waiting = containers.stream().filter(container -> !ready(container))
                .map(KafkaConsumersHealthIndicator::name).toList();
        return (waiting.isEmpty() ? Health.up() : Health.down().withDetail("waiting", waiting))
                .withDetail("consumers", containers.size()).build();
    }

    private static boolean ready(MessageListenerContainer container) {
        Map<String, Map<MetricName, ? extends Metric>> clients = container.metrics();
        return container.isRunning() && !clients.isEmpty()
                && clients.values().stream().allMatch(KafkaConsumersHealthIndicator::connected);
    }

    private static boolean connected(Map<MetricName, ? extends Metric> metrics) {
        return metrics.entrySet().stream().anyMatch(metric -> metric.getKey().group().equals("consumer-metrics")
                && metric.getKey().name().equals("connection-count")
                && metric.getValue().metricValue() instanceof Number count && count.doubleValue() > 0);
    }

    private static String name(MessageListenerContainer container) {
        String[] topics = container.getContainerProperties().getTopics();
        return container.getGroupId() + " on " + (topics == null ? "?" : String.join(",", topics));
    }
}
