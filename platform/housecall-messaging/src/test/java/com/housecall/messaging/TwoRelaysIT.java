package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.Topics;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.testsupport.TestDatabase;
import com.housecall.testsupport.TopicRecorder;
import com.housecall.testsupport.TopicRecorder.Received;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances of a service on one database, each with its own pool, writer, relay and producer, and the real
 * broker: while both relay, every event appended through either goes out once, and each consultation's in the
 * order appended (DECISIONS 27). H2, or PostgreSQL in CI.
 */
class TwoRelaysIT {

    private static final int CONSULTATIONS = 40;
    private static final int EVENTS_EACH = 50;

    @Test
    void twoRelaysOnOneDatabaseSendEveryEventOnceAndEachConsultationsInOrder() {
        TestDatabase.Settings database = TestDatabase.create("two-relays");
        KafkaOffsets.createTopic(Topics.BOOKING_EVENTS, 3);
        List<UUID> consultations = IntStream.range(0, CONSULTATIONS).mapToObj(i -> UUID.randomUUID()).toList();
        Map<String, List<String>> appended = new LinkedHashMap<>();
        try (TopicRecorder topic = TopicRecorder.start(Topics.BOOKING_EVENTS);
             Instance first = new Instance(database);
             Instance second = new Instance(database)) {
            List<Instance> instances = List.of(first, second);
            // a backlog both relays start on, then events appended through either instance while they relay
            appendRounds(0, EVENTS_EACH / 2, consultations, instances, appended);
            instances.forEach(instance -> instance.relay.start());
            instances.forEach(instance -> instance.relay.wake());
            appendRounds(EVENTS_EACH / 2, EVENTS_EACH, consultations, instances, appended);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> about(topic, appended).size() >= CONSULTATIONS * EVENTS_EACH);
            KafkaOffsets.awaitCaughtUp(topic, Topics.BOOKING_EVENTS);
            List<Received> received = about(topic, appended);

            assertThat(received).extracting(r -> r.header(CloudEventHeaders.ID)).as("every event once")
                    .hasSize(CONSULTATIONS * EVENTS_EACH).doesNotHaveDuplicates();
            appended.forEach((consultation, ids) -> assertThat(received.stream()
                    .filter(r -> r.key().equals(consultation)).sorted(Comparator.comparingLong(Received::offset))
                    .map(r -> r.header(CloudEventHeaders.ID)).toList())
                    .as("%s in append order", consultation).containsExactlyElementsOf(ids));
            assertThat(instances).as("both relays sent").allSatisfy(instance ->
                    assertThat(instance.sent.get()).isPositive());
        }
    }

    /** Each consultation's events in turn, through one instance and the other, one transaction each. */
    private static void appendRounds(int from, int to, List<UUID> consultations, List<Instance> instances,
                                     Map<String, List<String>> appended) {
        for (int round = from; round < to; round++) {
            for (int i = 0; i < consultations.size(); i++) {
                UUID consultation = consultations.get(i);
                String id = instances.get((round + i) % 2).append(consultation).toString();
                appended.computeIfAbsent(consultation.toString(), key -> new ArrayList<>()).add(id);
            }
        }
    }

    private static List<Received> about(TopicRecorder topic, Map<String, List<String>> appended) {
        return topic.matching(r -> appended.containsKey(r.key()));
    }

    /** What one process of a service has: a pool on the shared database, a writer that wakes its relay. */
    private static final class Instance implements AutoCloseable {

        private final HikariDataSource pool = new HikariDataSource();
        private final DefaultKafkaProducerFactory<byte[], byte[]> producer;
        private final AtomicInteger sent = new AtomicInteger();
        private final OutboxRelay relay;
        private final OutboxWriter writer;
        private final TransactionTemplate transactions;

        Instance(TestDatabase.Settings database) {
            pool.setJdbcUrl(database.url());
            pool.setUsername(database.username());
            pool.setPassword(database.password());
            MessagingSchema.migrate(pool);
            producer = TestRelays.producer();
            relay = TestRelays.relay(pool, new KafkaTemplate<>(producer) {
                @Override
                public CompletableFuture<SendResult<byte[], byte[]>> send(ProducerRecord<byte[], byte[]> record) {
                    sent.incrementAndGet();
                    return super.send(record);
                }
            }, 200, Duration.ofMillis(100));
            writer = TestRelays.writer(pool, relay::wake);
            transactions = TestRelays.transactions(pool);
        }

        UUID append(UUID consultation) {
            return transactions.execute(status -> writer.append(new ConsultationRequested(consultation, "web", "OR",
                    "972", "America/Los_Angeles", Instant.now())));
        }

        @Override
        public void close() {
            relay.stop();
            producer.destroy();
            pool.close();
        }
    }
}
