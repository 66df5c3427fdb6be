package com.housecall.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * The platform's consumer groups and dead-letter topics as the broker sees them: how far each group is behind
 * (committed offsets against the log end), which groups read a topic, and how far each {@code .dlq} topic reaches.
 */
final class Broker implements AutoCloseable {

    /** The platform's consumer groups: each app's name (the binder's group is the application name). */
    static final List<String> GROUPS = List.of("booking-service", "screening-service", "dispatch-service",
            "notification-service", "operator-console");
    private static final long TIMEOUT_SECONDS = 15;

    private final Properties props = new Properties();
    private Admin admin;

    Broker(String bootstrap) {
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        int timeout = (int) Duration.ofSeconds(TIMEOUT_SECONDS).toMillis();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        admin = Admin.create(props);
    }

    /** Records the platform's groups have not committed yet, summed over every partition they read. */
    long lag() throws InterruptedException {
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (String group : GROUPS) {
            committedOffsets(group).forEach((tp, offset) -> committed.merge(tp, offset, Math::min));
        }
        Map<TopicPartition, Long> ends = ends(committed.keySet());
        return committed.entrySet().stream().mapToLong(e -> Math.max(0, ends.get(e.getKey()) - e.getValue())).sum();
    }

    /** The groups that have read {@code topic} (committed an offset on it). */
    Set<String> readersOf(String topic) throws InterruptedException {
        Set<String> readers = new java.util.TreeSet<>();
        for (String group : GROUPS) {
            if (committedOffsets(group).keySet().stream().anyMatch(tp -> tp.topic().equals(topic))) {
                readers.add(group);
            }
        }
        return readers;
    }

    /** The end offset of every partition of every dead-letter topic. */
    Map<TopicPartition, Long> deadLetterEnds() throws InterruptedException {
        Set<String> topics = await(a -> a.listTopics().names()).stream().filter(t -> t.endsWith(".dlq"))
                .collect(Collectors.toSet());
        if (topics.isEmpty()) {
            return Map.of();
        }
        Set<TopicPartition> partitions = await(a -> a.describeTopics(topics).allTopicNames()).values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
        return ends(partitions);
    }

    private Map<TopicPartition, Long> committedOffsets(String group) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                await(a -> a.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> result = new HashMap<>();
        offsets.forEach((tp, offset) -> {
            if (offset != null) {
                result.put(tp, offset.offset());
            }
        });
        return result;
    }

    private Map<TopicPartition, Long> ends(Set<TopicPartition> partitions) throws InterruptedException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answers = await(a -> a.listOffsets(latest).all());
        return answers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * The request's answer; on none, asked again of a new client. After one node of the three-broker cluster was
     * restarted and another killed, a long-lived admin client timed out "waiting for a node assignment" for the
     * partitions that had moved while a new one answered at once (Kafka 4.1.2): the observer must not fail the
     * scenario for its own client.
     */
    private synchronized <T> T await(Function<Admin, KafkaFuture<T>> request) throws InterruptedException {
        try {
            return request.apply(admin).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException first) {
            admin.close(Duration.ofSeconds(5));
            admin = Admin.create(props);
            try {
                return request.apply(admin).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("the broker did not answer: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
