package com.housecall.messaging;

import static org.awaitility.Awaitility.await;

import com.housecall.testsupport.TestKafka;
import com.housecall.testsupport.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.utils.Utils;

/** What the broker knows: end offsets, a group's committed offsets, the partition of a key; a topic made. */
final class KafkaOffsets {

    private KafkaOffsets() {
    }

    /** The partition the default partitioner picks for {@code key} (what a keyed send does). */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Creates {@code topic} as the services declare it, unless it exists: without a service, nobody else does. */
    static void createTopic(String topic, int partitions) {
        call(admin -> {
            if (!admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                admin.createTopics(java.util.List.of(new NewTopic(topic, partitions, (short) 1))).all()
                        .get(10, TimeUnit.SECONDS);
            }
            return null;
        });
    }

    static int partitionCount(String topic) {
        return call(admin -> admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(topic).partitions().size());
    }

    /** Waits until {@code recorder} has seen every record now on {@code topic}: absence can then be asserted. */
    static void awaitCaughtUp(TopicRecorder recorder, String topic) {
        Map<Integer, Long> ends = endOffsets(topic);
        await().atMost(Duration.ofSeconds(60)).until(() -> ends.entrySet().stream().filter(e -> e.getValue() > 0)
                .allMatch(e -> recorder.all().stream().anyMatch(r -> r.topic().equals(topic)
                        && r.partition() == e.getKey() && r.offset() >= e.getValue() - 1)));
    }

    /** Waits until {@code group} committed at least {@code offset} on one partition: all before it is processed. */
    static void awaitCommitted(String group, String topic, int partition, long offset) {
        TopicPartition tp = new TopicPartition(topic, partition);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            OffsetAndMetadata committed = call(admin -> admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS).get(tp));
            return committed != null && committed.offset() >= offset;
        });
    }

    static Map<Integer, Long> endOffsets(String topic) {
        return call(admin -> {
            int partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> request = java.util.stream.IntStream.range(0, partitions).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all()
                    .get(10, TimeUnit.SECONDS);
            return ends.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().partition(),
                    e -> e.getValue().offset()));
        });
    }

    /** A static member of a consumer group as the broker sees it: its current member id and its partitions. */
    record Member(String memberId, Set<Integer> partitions) {
    }

    /** The group's static members by {@code group.instance.id}. */
    static Map<String, Member> staticMembers(String group) {
        return call(admin -> {
            ConsumerGroupDescription description;
            try {
                description = admin.describeConsumerGroups(java.util.List.of(group)).describedGroups().get(group)
                        .get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    return Map.of(); // no member has joined yet
                }
                throw e;
            }
            return description.members().stream().filter(member -> member.groupInstanceId().isPresent())
                    .collect(Collectors.toMap(member -> member.groupInstanceId().orElseThrow(),
                            member -> new Member(member.consumerId(), member.assignment().topicPartitions().stream()
                                    .map(TopicPartition::partition).collect(Collectors.toSet()))));
        });
    }

    private interface AdminCall<T> {
        T apply(Admin admin) throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static <T> T call(AdminCall<T> call) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            return call.apply(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin call failed", e);
        }
    }
}
