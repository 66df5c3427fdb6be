package com.housecall.messaging;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Does autovacuum's work on the service's own tables when its PostgreSQL server has autovacuum off (this project's
 * CI server does). Without it nothing reclaims what the outbox relay and the purges delete (booking's outbox held
 * 200 rows in 2,952 pages after 1,500 consultations), and the planner never learns how a table has grown: dispatch
 * read the whole visit table for every visit it scheduled (41 million rows after 1,500 consultations, 5.9 ms a
 * search at 8,900 visits, 1.3 ms once analyzed) because without statistics an IN list of nurses looks like a tenth
 * of the table. Each minute, what autovacuum would do with its default thresholds; a server with autovacuum on,
 * and H2, are left alone.
 */
final class TableUpkeep extends BatchPoller {

    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private static final String DUE = """
            SELECT relname, n_dead_tup > 50 + 0.2 * n_live_tup AS vacuum FROM pg_stat_user_tables
            WHERE schemaname = current_schema()
              AND (n_dead_tup > 50 + 0.2 * n_live_tup OR n_mod_since_analyze > 50 + 0.1 * n_live_tup)
            ORDER BY relname""";

    private record Due(String table, boolean vacuum) {
    }

    private final JdbcClient jdbc;
    private final boolean postgresql;

    TableUpkeep(JdbcClient jdbc, DataSource dataSource) {
        super("table-upkeep", INTERVAL, Integer.MAX_VALUE, true);
        this.jdbc = jdbc;
        this.postgresql = "PostgreSQL".equals(productName(dataSource));
    }

    /** One pass: the tables vacuumed or analyzed (none when the server does it itself). */
    @Override
    public int runBatch() {
        if (!postgresql || serverVacuums()) {
            return 0;
        }
        List<Due> due = jdbc.sql(DUE).query((rs, row) -> new Due(rs.getString("relname"), rs.getBoolean("vacuum")))
                .list();
        for (Due table : due) {
            String name = "\"" + table.table().replace("\"", "\"\"") + "\"";
            // SKIP_LOCKED: a second instance of the service, or a migration, may hold the table; next minute then
            jdbc.sql((table.vacuum() ? "VACUUM (ANALYZE, SKIP_LOCKED) " : "ANALYZE (SKIP_LOCKED) ") + name).update();
        }
        return due.size();
    }

    private boolean serverVacuums() {
        return !"off".equals(jdbc.sql("SELECT current_setting('autovacuum')").query(String.class).single());
    }

    private static String productName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
        } catch (MetaDataAccessException e) {
            return "unknown";
        }
    }
}
