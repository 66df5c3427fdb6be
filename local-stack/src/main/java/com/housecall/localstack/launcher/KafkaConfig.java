package com.housecall.localstack.launcher;

import java.nio.file.Path;

/** The broker's configuration: one KRaft node on loopback that is broker and controller. */
final class KafkaConfig {

    private KafkaConfig() {
    }

    static String serverProperties(Path dataDir, int port, int controllerPort) {
        String listeners = "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
        return """
                # written by bin/housecall up: a single KRaft node that is broker and controller
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%d
                listeners=%s
                advertised.listeners=%s
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%s
                num.partitions=1
                auto.create.topics.enable=true
                # one node: internal topics cannot have more replicas than that
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                # no point waiting for more group members on a laptop
                group.initial.rebalance.delay.ms=0
                """.formatted(controllerPort, listeners, listeners, dataDir);
    }
}
