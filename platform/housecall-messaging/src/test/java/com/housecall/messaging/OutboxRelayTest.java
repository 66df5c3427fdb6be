package com.housecall.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.booking.ConsultationRequested;
import com.housecall.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay against a real database (H2, or PostgreSQL in CI) and a stand-in producer that can act while a batch
 * is being sent: the races the relay must survive are another transaction committing an earlier row meanwhile, and
 * another instance's relay wanting to send too.
 */
class OutboxRelayTest {

    private static DataSource dataSource;
    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;
    private static OutboxWriter writer;
    private final RecordingKafka kafka = new RecordingKafka();

    @BeforeAll
    static void database() {
        TestDatabase.Settings settings = TestDatabase.create("outbox-relay");
        dataSource = new DriverManagerDataSource(settings.url(), settings.username(), settings.password());
        MessagingSchema.migrate(dataSource);
        jdbc = JdbcClient.create(dataSource);
        transactions = TestRelays.transactions(dataSource);
        writer = TestRelays.writer(dataSource, () -> { });
    }

    @BeforeEach
    void emptyOutbox() {
        jdbc.sql("DELETE FROM outbox_event").update();
    }

    @Test
    void sendsCommittedRowsInOrderThenForgetsThem() {
        UUID consultation = UUID.randomUUID();
        List<UUID> appended = List.of(append(consultation), append(consultation), append(consultation));

        assertThat(relay(2).relayOnce()).isEqualTo(2);
        assertThat(relay(2).relayOnce()).isEqualTo(1);
        assertThat(relay(2).relayOnce()).isZero();

        assertThat(kafka.sentIds()).containsExactlyElementsOf(appended.stream().map(UUID::toString).toList());
        assertThat(outboxRows()).isZero();
    }

    @Test
    void anEarlierRowCommittedWhileABatchIsSentIsNotLost() throws SQLException {
        try (Connection slow = dataSource.getConnection()) {
            // a transaction takes its outbox seq first but commits last, while the relay sends a later row of the
            // same bucket
            slow.setAutoCommit(false);
            UUID consultation = UUID.randomUUID();
            String slowEvent = UUID.randomUUID().toString();
            insertRaw(slow, slowEvent, consultation);
            UUID fastEvent = append(consultation);
            kafka.duringSend(() -> commit(slow));

            relay(200).relayOnce();
            kafka.duringSend(() -> { });
            relay(200).relayOnce();

            assertThat(kafka.sentIds()).as("both events went out").contains(fastEvent.toString(), slowEvent);
            assertThat(outboxRows()).isZero();
        }
    }

    @Test
    void aFailedSendKeepsTheRowsForTheNextTick() {
        UUID event = append(UUID.randomUUID());
        kafka.duringSend(() -> {
            throw new org.apache.kafka.common.errors.TimeoutException("broker down");
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> relay(200).relayOnce());
        assertThat(outboxRows()).isEqualTo(1);

        kafka.duringSend(() -> { });
        assertThat(relay(200).relayOnce()).isEqualTo(1);
        assertThat(kafka.sentIds()).containsExactly(event.toString());
        assertThat(outboxRows()).isZero();
    }

    @Test
    void aRelaySendingSomeBucketsLeavesTheOthersToAnotherRelay() throws Exception {
        List<UUID> appended = oneConsultationPerBucket().stream().map(this::append).toList();
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        kafka.duringSend(() -> {
            sending.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
        });
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            // a batch of two events: the first relay locks the two buckets they lie in, one row each
            Future<Integer> first = instances.submit(() -> relay(2).relayOnce());
            assertThat(sending.await(30, TimeUnit.SECONDS)).as("the first relay is sending").isTrue();
            kafka.duringSend(() -> { });

            int sentBySecond = instances.submit(() -> relay(200).relayOnce()).get(30, TimeUnit.SECONDS);

            assertThat(sentBySecond).as("the second relay sent the other buckets meanwhile")
                    .isEqualTo(OutboxWriter.BUCKETS - 2);
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            assertThat(kafka.sentIds()).as("each event once")
                    .containsExactlyInAnyOrderElementsOf(appended.stream().map(UUID::toString).toList());
            assertThat(outboxRows()).isZero();
        } finally {
            release.countDown();
            instances.close();
        }
    }

    @Test
    void aCommitWakesTheRelayLongBeforeItsNextPoll() {
        OutboxRelay relay = relay(200, Duration.ofHours(1));
        OutboxWriter waking = TestRelays.writer(dataSource, relay::wake);
        relay.start();
        try {
            UUID event = transactions.execute(status -> waking.append(requested(UUID.randomUUID())));

            await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows() == 0);
            assertThat(kafka.sentIds()).containsExactly(event.toString());
        } finally {
            relay.stop();
        }
    }

    @Test
    void aRecordCarriesTheCloudEventsHeadersAsPlainStrings() {
        OutboxRelay.Row row = new OutboxRelay.Row(1, "0b8e0f4e-3a8c-4a43-9d5c-4f4a3f0f7a10", "booking.events.v1",
                "5d1c7f0e-1111-4c3a-8f55-2f0d3c6b9a77", "com.housecall.consultation.requested",
                "/housecall/booking-service", "2026-01-02T03:04:05.678Z", "{\"x\":1}", null, null, null);

        ProducerRecord<byte[], byte[]> record = OutboxRelay.record(row, EventTrace.NONE);

        assertThat(record.topic()).isEqualTo("booking.events.v1");
        assertThat(new String(record.key(), UTF_8)).isEqualTo(row.eventKey());
        assertThat(new String(record.value(), UTF_8)).isEqualTo("{\"x\":1}");
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), UTF_8)));
        assertThat(headers).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", row.eventId()),
                Map.entry("ce_source", "/housecall/booking-service"),
                Map.entry("ce_type", "com.housecall.consultation.requested"),
                Map.entry("ce_time", "2026-01-02T03:04:05.678Z"),
                Map.entry("ce_subject", row.eventKey()),
                Map.entry("content-type", "application/json"));
    }

    private OutboxRelay relay(int batchSize) {
        return relay(batchSize, Duration.ofMillis(100));
    }

    private OutboxRelay relay(int batchSize, Duration interval) {
        return TestRelays.relay(dataSource, kafka, batchSize, interval);
    }

    private UUID append(UUID consultation) {
        return transactions.execute(status -> writer.append(requested(consultation)));
    }

    private static Collection<UUID> oneConsultationPerBucket() {
        Map<Integer, UUID> byBucket = new TreeMap<>();
        while (byBucket.size() < OutboxWriter.BUCKETS) {
            UUID consultation = UUID.randomUUID();
            byBucket.putIfAbsent(OutboxWriter.bucketOf(consultation.toString()), consultation);
        }
        return byBucket.values();
    }

    private static ConsultationRequested requested(UUID consultation) {
        return new ConsultationRequested(consultation, "web", "OR", "972", "America/Los_Angeles", Instant.now());
    }

    private long outboxRows() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single();
    }

    private static void insertRaw(Connection connection, String eventId, UUID consultation) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox_event (event_id, topic, event_key, bucket, event_type, event_source, event_time,
                                          payload)
                VALUES (?, 'booking.events.v1', ?, ?, 'com.housecall.consultation.requested',
                        '/housecall/booking-service', '2026-01-02T03:04:05.678Z', '{}')""")) {
            insert.setString(1, eventId);
            insert.setString(2, consultation.toString());
            insert.setInt(3, OutboxWriter.bucketOf(consultation.toString()));
            insert.executeUpdate();
        }
    }

    private static void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
