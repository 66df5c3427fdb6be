package com.housecall.messaging;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The outbox and inbox tables live in each service's database, versioned apart from the service's own tables. */
final class MessagingSchema {

    private MessagingSchema() {
    }

    static void migrate(DataSource dataSource) {
        migrateTo(dataSource, "latest");
    }

    /** Up to {@code version} only: a test writes rows as an older release did, then migrates the rest. */
    static void migrateTo(DataSource dataSource, String version) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/messaging")
                .table("messaging_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .target(version)
                .load()
                .migrate();
    }
}
