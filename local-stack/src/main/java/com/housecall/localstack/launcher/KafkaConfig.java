package com.housecall.localstack.launcher;

import java.nio.file.Path;

/** A broker's configuration: a KRaft node on loopback that is broker and controller, alone or one of three. */
final class KafkaConfig {

    private KafkaConfig() {
    }

    static String serverProperties(Path dataDir, int port, int controllerPort) {
        return common(1, dataDir, port, controllerPort) + """
                # a single node that is broker and controller: internal topics cannot have more replicas than that
                controller.quorum.bootstrap.servers=127.0.0.1:%d
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                """.formatted(controllerPort);
    }

    /** One node of the three-broker cluster: static voters, three replicas of everything, two in sync to write. */
    static String clusterNodeProperties(int nodeId, Path dataDir, int port, int controllerPort, String voters) {
        return common(nodeId, dataDir, port, controllerPort) + """
                # one of three nodes that are each broker and controller (HOUSECALL_KAFKA_BROKERS=3)
                controller.quorum.voters=%s
                default.replication.factor=%d
                min.insync.replicas=%d
                offsets.topic.replication.factor=%d
                transaction.state.log.replication.factor=%d
                transaction.state.log.min.isr=%d
                share.coordinator.state.topic.replication.factor=%d
                share.coordinator.state.topic.min.isr=%d
                """.formatted(voters, KafkaCluster.REPLICAS, KafkaCluster.MIN_IN_SYNC, KafkaCluster.REPLICAS,
                KafkaCluster.REPLICAS, KafkaCluster.MIN_IN_SYNC, KafkaCluster.REPLICAS, KafkaCluster.MIN_IN_SYNC);
    }

    private static String common(int nodeId, Path dataDir, int port, int controllerPort) {
        String listeners = "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
        return """
                # written by bin/housecall up
                process.roles=broker,controller
                node.id=%d
                listeners=%s
                advertised.listeners=%s
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%s
                num.partitions=1
                auto.create.topics.enable=true
                # no point waiting for more group members on a laptop
                group.initial.rebalance.delay.ms=0
                """.formatted(nodeId, listeners, listeners, dataDir);
    }
}
