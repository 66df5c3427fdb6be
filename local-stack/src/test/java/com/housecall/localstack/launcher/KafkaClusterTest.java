package com.housecall.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClusterTest {

    @TempDir
    Path root;

    @Test
    void oneNodeUnlessThreeAreAskedFor() {
        KafkaCluster single = cluster(Map.of());
        assertThat(single.nodes()).containsExactly(Part.KAFKA);
        assertThat(single.bootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(cluster(Map.of("HOUSECALL_KAFKA_BROKERS", "1")).isCluster()).isFalse();
        assertThatThrownBy(() -> cluster(Map.of("HOUSECALL_KAFKA_BROKERS", "2")).nodes())
                .hasMessage("HOUSECALL_KAFKA_BROKERS is 1 or 3, not 2");
    }

    @Test
    void threeNodesAreEachGivenToClientsAndVoteTogether() {
        KafkaCluster three = cluster(Map.of("HOUSECALL_KAFKA_BROKERS", "3", "HOUSECALL_KAFKA_3_PORT", "19292"));
        assertThat(three.nodes()).containsExactly(Part.KAFKA, Part.KAFKA_2, Part.KAFKA_3);
        assertThat(three.bootstrap()).isEqualTo("127.0.0.1:9092,127.0.0.1:9192,127.0.0.1:19292");
        assertThat(three.voters()).isEqualTo("1@127.0.0.1:9093,2@127.0.0.1:9193,3@127.0.0.1:9293");
        assertThat(KafkaCluster.nodeId(Part.KAFKA_3)).isEqualTo(3);
    }

    @Test
    void aClusterNodeKeepsThreeReplicasAndWritesToTwo() {
        String properties = KafkaConfig.clusterNodeProperties(2, root, 9192, 9193, "1@a:1,2@b:2,3@c:3");
        assertThat(properties).contains("node.id=2", "controller.quorum.voters=1@a:1,2@b:2,3@c:3",
                "default.replication.factor=3", "min.insync.replicas=2", "offsets.topic.replication.factor=3",
                "listeners=PLAINTEXT://127.0.0.1:9192,CONTROLLER://127.0.0.1:9193");
        assertThat(properties).doesNotContain("controller.quorum.bootstrap.servers");
        assertThat(KafkaConfig.serverProperties(root, 9092, 9093)).contains("node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:9093", "offsets.topic.replication.factor=1");
    }

    @Test
    void selectingKafkaStartsEveryNodeOfTheCluster() {
        List<Part> nodes = cluster(Map.of("HOUSECALL_KAFKA_BROKERS", "3")).nodes();
        assertThat(Plan.withClusterNodes(Plan.select("gateway,kafka", false), nodes))
                .containsExactly(Part.KAFKA, Part.KAFKA_2, Part.KAFKA_3, Part.GATEWAY);
        assertThat(Plan.withClusterNodes(Plan.select("gateway", false), nodes)).containsExactly(Part.GATEWAY);
        assertThat(Plan.select("", false)).doesNotContain(Part.KAFKA_2, Part.KAFKA_3);
    }

    @Test
    void dataMadeForTheOtherShapeIsRefused() throws Exception {
        KafkaCluster three = cluster(Map.of("HOUSECALL_KAFKA_BROKERS", "3"));
        Path data = root.resolve(".housecall/kafka/data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("meta.properties"), "cluster.id=abc\nnode.id=1\n");
        assertThatThrownBy(() -> three.checkShape(Part.KAFKA))
                .hasMessageStartingWith(".housecall/kafka holds Kafka data for 1 broker(s), not 3");
        three.recordShape(Part.KAFKA);
        three.checkShape(Part.KAFKA);
        assertThat(three.clusterId()).contains("abc");
        assertThatThrownBy(() -> cluster(Map.of()).checkShape(Part.KAFKA))
                .hasMessageStartingWith(".housecall/kafka holds Kafka data for 3 broker(s), not 1");
    }

    private KafkaCluster cluster(Map<String, String> env) {
        return new KafkaCluster(Settings.of(root, env));
    }
}
