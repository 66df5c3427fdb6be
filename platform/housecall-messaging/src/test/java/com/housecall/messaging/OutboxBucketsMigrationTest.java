package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Rows waiting in the outbox when V6 adds the buckets (a service stopped before its relay sent them, then upgraded)
 * still go out, in order per key: the migration gives each the bucket {@link OutboxWriter} gives its key, so the
 * key's older and newer rows never lie in two buckets that two relays send at once. H2, or PostgreSQL in CI.
 */
class OutboxBucketsMigrationTest {

    private static final int KEYS = 160;

    @Test
    void rowsWrittenBeforeTheBucketsGetTheirKeysBucketAndAreSentInOrder() {
        TestDatabase.Settings settings = TestDatabase.create("outbox-buckets");
        DataSource dataSource = new DriverManagerDataSource(settings.url(), settings.username(), settings.password());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        MessagingSchema.migrateTo(dataSource, "5");
        // fixed keys: consultation ids, the same in every run
        List<String> keys = IntStream.range(0, KEYS).mapToObj(i -> UUID.nameUUIDFromBytes(
                ("consultation " + i).getBytes(StandardCharsets.UTF_8)).toString()).toList();
        Map<String, List<String>> appended = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            for (String key : keys) {
                String eventId = UUID.randomUUID().toString();
                jdbc.sql("""
                        INSERT INTO outbox_event (event_id, topic, event_key, event_type, event_source, event_time,
                                                  payload)
                        VALUES (?, 'booking.events.v1', ?, 'com.housecall.consultation.requested',
                                '/housecall/booking-service', '2026-01-02T03:04:05.678Z', '{}')""")
                        .params(eventId, key).update();
                appended.computeIfAbsent(key, k -> new ArrayList<>()).add(eventId);
            }
        }

        MessagingSchema.migrate(dataSource);

        List<Map.Entry<String, Integer>> buckets = jdbc.sql("SELECT event_key, bucket FROM outbox_event")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list();
        assertThat(buckets).as("each row in the bucket the writer gives its key").hasSize(KEYS * 3)
                .allSatisfy(row -> assertThat(row.getValue()).as(row.getKey())
                        .isEqualTo(OutboxWriter.bucketOf(row.getKey())));
        assertThat(buckets).extracting(Map.Entry::getValue).as("spread over every bucket")
                .containsAll(IntStream.range(0, OutboxWriter.BUCKETS).boxed().toList());

        RecordingKafka kafka = new RecordingKafka();
        OutboxRelay relay = TestRelays.relay(dataSource, kafka, 200, Duration.ofSeconds(1));
        while (relay.relayOnce() > 0) {
            // batch after batch until the outbox is empty
        }

        List<String> sent = kafka.sentIds();
        assertThat(sent).as("every row sent once").hasSize(KEYS * 3).doesNotHaveDuplicates();
        appended.forEach((key, ids) -> assertThat(sent.stream().filter(ids::contains).toList())
                .as("in append order: %s", key).containsExactlyElementsOf(ids));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event").query(Long.class).single()).isZero();
    }
}
