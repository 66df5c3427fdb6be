package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The inbox forgets event ids after its retention, oldest first, and nothing younger (H2, or PostgreSQL in CI). */
class InboxPurgeTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        TestDatabase.Settings settings = TestDatabase.create("inbox-purge");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(settings.url(), settings.username(),
                settings.password());
        MessagingSchema.migrate(dataSource);
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void idsOlderThanTheRetentionGoABatchAtATimeAndYoungerOnesStay() {
        processed("old-1", NOW.minus(Duration.ofDays(45)));
        processed("old-2", NOW.minus(Duration.ofDays(31)));
        processed("old-3", NOW.minus(Duration.ofDays(30)).minusSeconds(1));
        processed("kept", NOW.minus(Duration.ofDays(30)).plusSeconds(1));
        processed("recent", NOW.minus(Duration.ofMinutes(5)));
        MessagingProperties properties = new MessagingProperties(true, Duration.ofMillis(100), 200, 3, (short) 1, 4,
                Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofDays(30), Duration.ofMinutes(10));
        InboxPurge purge = new InboxPurge(jdbc, Clock.fixed(NOW, ZoneOffset.UTC), properties) {
            @Override
            protected int batchSize() {
                return 2;
            }
        };

        assertThat(purge.runBatch()).isEqualTo(2);
        assertThat(ids()).containsExactlyInAnyOrder("old-3", "kept", "recent"); // the oldest first
        assertThat(purge.runBatch()).isEqualTo(1);
        assertThat(purge.runBatch()).isZero();
        assertThat(ids()).containsExactlyInAnyOrder("kept", "recent");
    }

    private static void processed(String eventId, Instant at) {
        jdbc.sql("INSERT INTO processed_event (consumer_group, event_id, processed_at) VALUES ('booking-service', ?, ?)")
                .params(eventId, at.atOffset(ZoneOffset.UTC)).update();
    }

    private static List<String> ids() {
        return jdbc.sql("SELECT event_id FROM processed_event").query(String.class).list();
    }
}
