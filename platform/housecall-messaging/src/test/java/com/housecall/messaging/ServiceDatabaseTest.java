package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServiceDatabaseTest {

    private static final String SERVER = System.getenv("HOUSECALL_TEST_DB_URL");
    private static final String USER = envOr("HOUSECALL_TEST_DB_USER", "postgres");
    private static final String PASSWORD = envOr("HOUSECALL_TEST_DB_PASSWORD", "");

    @Test
    void eachServiceHasItsOwnDatabaseName() {
        assertThat(ServiceDatabase.databaseName("booking-service")).isEqualTo("housecall_booking");
        assertThat(ServiceDatabase.databaseName("screening-service")).isEqualTo("housecall_screening");
        assertThat(ServiceDatabase.databaseName("dispatch-service")).isEqualTo("housecall_dispatch");
        assertThat(ServiceDatabase.databaseName("notification-service")).isEqualTo("housecall_notification");
        assertThat(ServiceDatabase.databaseName("local-stack")).isEqualTo("housecall_local_stack");
    }

    @Test
    void withoutAServerAServiceKeepsItsDataInAnH2FileUnderHousecallHome(@org.junit.jupiter.api.io.TempDir Path home) {
        Map<String, Object> properties = ServiceDatabase.properties("booking-service",
                Map.of("HOUSECALL_HOME", home.toString()));

        assertThat((String) properties.get("spring.datasource.url"))
                .startsWith("jdbc:h2:file:" + home.resolve("data").resolve("booking-service").toAbsolutePath())
                .contains("MODE=PostgreSQL");
        assertThat(properties).containsEntry("spring.datasource.username", "sa");
    }

    @Test
    void createsTheServiceDatabaseOnPostgresqlOnceAndReturnsItsUrl() throws SQLException {
        assumeTrue(SERVER != null && !SERVER.isBlank(),
                "HOUSECALL_TEST_DB_URL is not set: no PostgreSQL server to create a database on (CI sets it)");
        String database = "housecall_it_" + UUID.randomUUID().toString().substring(0, 8);
        String serverWithQuery = SERVER + (SERVER.contains("?") ? "&" : "?") + "ApplicationName=housecall-test";
        try {
            String url = ServiceDatabase.createIfMissing(SERVER, database, USER, PASSWORD);
            assertThat(url).endsWith("/" + database + (SERVER.contains("?") ? SERVER.substring(SERVER.indexOf('?')) : ""));
            assertThat(currentDatabase(url)).isEqualTo(database);

            String again = ServiceDatabase.createIfMissing(serverWithQuery, database, USER, PASSWORD);
            assertThat(again).as("a second start finds it and keeps the query").contains("/" + database + "?")
                    .endsWith("ApplicationName=housecall-test");
            assertThat(currentDatabase(again)).isEqualTo(database);
        } finally {
            try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
                 Statement drop = connection.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private static String currentDatabase(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
