package com.housecall.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/** One real Kafka broker per test JVM, started on first use and stopped when the JVM exits. */
public final class TestKafka {

    private static String bootstrapServers;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = switch (InfrastructureChoice.broker(InfrastructureChoice.dockerAvailable(System.getenv()))) {
                case KAFKA_CONTAINER -> startContainer();
                case EMBEDDED_KRAFT -> startEmbedded();
            };
        }
        return bootstrapServers;
    }

    private static String startEmbedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        // one offsets partition: its coordinator loads at once, even on a busy machine
        broker.brokerProperties(java.util.Map.of("auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "1",
                "offsets.topic.replication.factor", "1"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        return broker.getBrokersAsString();
    }

    private static String startContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.1");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        return container.getBootstrapServers();
    }
}
