package com.housecall.messaging;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The outbox and inbox tables live in each service's database, versioned apart from the service's own tables. */
final class MessagingSchema {

    private MessagingSchema() {
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/messaging")
                .table("messaging_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
