package com.housecall.localstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The Kafka brokers {@code up} runs: one KRaft node that is broker and controller (the default), or with
 * {@code HOUSECALL_KAFKA_BROKERS=3} three such nodes, a static controller quorum, every topic replicated three times
 * and written to two before a send succeeds (issue 15: one broker may die and nothing stops or is lost). Each node
 * keeps its data in {@code .housecall/<node>/}; the data of one shape is never reused for the other.
 */
final class KafkaCluster {

    static final int REPLICAS = 3;
    static final int MIN_IN_SYNC = 2;
    private static final String SHAPE_FILE = "brokers";

    private final Settings settings;

    KafkaCluster(Settings settings) {
        this.settings = settings;
    }

    List<Part> nodes() {
        return settings.kafkaBrokers() == REPLICAS ? List.of(Part.KAFKA, Part.KAFKA_2, Part.KAFKA_3)
                : List.of(Part.KAFKA);
    }

    boolean isCluster() {
        return nodes().size() > 1;
    }

    /** What every client is given: each node's address, so a client can start while any one node is down. */
    String bootstrap() {
        return nodes().stream().map(node -> "127.0.0.1:" + node.port(settings)).collect(Collectors.joining(","));
    }

    /** The node's KRaft id: 1, 2, 3 in the order of {@link Part}. */
    static int nodeId(Part node) {
        return List.of(Part.KAFKA, Part.KAFKA_2, Part.KAFKA_3).indexOf(node) + 1;
    }

    Path directory(Part node) {
        return settings.state().resolve(node.id());
    }

    /** The static controller quorum of the cluster: {@code 1@127.0.0.1:9093,...}. */
    String voters() {
        return nodes().stream().map(node -> nodeId(node) + "@127.0.0.1:" + controllerPort(node))
                .collect(Collectors.joining(","));
    }

    int controllerPort(Part node) {
        return node.port(settings, node.ports().get(1).name());
    }

    /** The cluster id its nodes share: one a node already has, if any. */
    Optional<String> clusterId() {
        for (Part node : nodes()) {
            Path meta = directory(node).resolve("data/meta.properties");
            if (Files.exists(meta)) {
                Properties properties = new Properties();
                try (var reader = Files.newBufferedReader(meta)) {
                    properties.load(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return Optional.ofNullable(properties.getProperty("cluster.id"));
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a node's data made for the other shape (a single node's metadata knows one voter, a cluster's three):
     * Kafka would not start on it, or start a cluster of one.
     */
    void checkShape(Part node) throws IOException {
        Path dir = directory(node);
        if (!Files.exists(dir.resolve("data/meta.properties"))) {
            return;
        }
        Path shape = dir.resolve(SHAPE_FILE);
        int made = Files.exists(shape) ? Integer.parseInt(Files.readString(shape).strip()) : 1;
        if (made != nodes().size()) {
            throw new LaunchException(".housecall/" + node.id() + " holds Kafka data for " + made + " broker(s), not "
                    + nodes().size() + " (HOUSECALL_KAFKA_BROKERS): run with the shape it was made for, or delete"
                    + " it with bin/housecall down --purge");
        }
    }

    void recordShape(Part node) throws IOException {
        Files.writeString(directory(node).resolve(SHAPE_FILE), nodes().size() + "\n");
    }
}
