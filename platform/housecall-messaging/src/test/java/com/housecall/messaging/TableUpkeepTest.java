package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.housecall.testsupport.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A table the service churns gets vacuumed and analyzed when the PostgreSQL server will not do it (autovacuum off,
 * as on CI's server), and is left to a server that will. PostgreSQL only: H2 has neither.
 */
class TableUpkeepTest {

    private static DriverManagerDataSource dataSource;
    private static JdbcClient jdbc;

    @BeforeAll
    static void database() {
        TestDatabase.Settings settings = TestDatabase.create("table-upkeep");
        assumeTrue(settings.url().startsWith("jdbc:postgresql:"), "needs PostgreSQL (HOUSECALL_TEST_DB_URL)");
        dataSource = new DriverManagerDataSource(settings.url(), settings.username(), settings.password());
        MessagingSchema.migrate(dataSource);
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void aChurnedTableIsVacuumedAndAnalyzedOnlyWhenTheServerDoesNotDoItItself() {
        jdbc.sql("""
                INSERT INTO processed_event (consumer_group, event_id, processed_at)
                SELECT 'booking-service', 'event-' || n, now() FROM generate_series(1, 1000) n""").update();
        jdbc.sql("DELETE FROM processed_event WHERE event_id <> 'event-1'").update();
        // the deleting session reports its counts when it ends, a moment after the connection closes
        await().atMost(Duration.ofSeconds(10)).until(() -> deadRows() >= 999);
        boolean serverVacuums = "on".equals(jdbc.sql("SELECT current_setting('autovacuum')")
                .query(String.class).single());
        TableUpkeep upkeep = new TableUpkeep(jdbc, dataSource);

        int tables = upkeep.runBatch();

        if (serverVacuums) {
            assertThat(tables).isZero();
            assertThat(analyzed()).isFalse();
            return;
        }
        assertThat(tables).isPositive();
        assertThat(analyzed()).as("planner statistics for processed_event").isTrue();
        assertThat(deadRows()).as("rows left for a vacuum").isZero();
        assertThat(upkeep.runBatch()).as("nothing due right after a pass").isZero();
    }

    private static long deadRows() {
        return jdbc.sql("SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'processed_event'")
                .query(Long.class).single();
    }

    private static boolean analyzed() {
        return jdbc.sql("SELECT COUNT(*) FROM pg_stats WHERE tablename = 'processed_event'")
                .query(Long.class).single() > 0;
    }
}
