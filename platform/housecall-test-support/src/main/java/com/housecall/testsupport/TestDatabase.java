package com.housecall.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** A fresh, empty database for each call: tests never see another run's leftovers. */
public final class TestDatabase {

    public record Settings(String url, String username, String password) {
    }

    private static PostgreSQLContainer container;

    private TestDatabase() {
    }

    public static Settings create(String module) {
        String name = "hc_" + module.replace("-service", "").replace('-', '_') + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        String configured = System.getenv("HOUSECALL_TEST_DB_URL");
        return switch (InfrastructureChoice.database(configured, InfrastructureChoice.dockerAvailable(System.getenv()))) {
            case CONFIGURED_POSTGRESQL -> createOn(configured, env("HOUSECALL_TEST_DB_USER", "postgres"),
                    env("HOUSECALL_TEST_DB_PASSWORD", ""), name);
            case POSTGRESQL_CONTAINER -> {
                PostgreSQLContainer server = container();
                yield createOn(server.getJdbcUrl(), server.getUsername(), server.getPassword(), name);
            }
            // row locks wait like PostgreSQL's (no timeout there by default), not H2's default 1 s
            case H2 -> new Settings("jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
                    + ";LOCK_TIMEOUT=60000", "sa", "");
        };
    }

    /** Creates {@code name} on the server of {@code serverUrl} (a JDBC URL of any database there). */
    static Settings createOn(String serverUrl, String user, String password, String name) {
        try (Connection connection = DriverManager.getConnection(serverUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        String base = serverUrl.contains("?") ? serverUrl.substring(0, serverUrl.indexOf('?')) : serverUrl;
        String query = serverUrl.contains("?") ? serverUrl.substring(serverUrl.indexOf('?')) : "";
        return new Settings(base.substring(0, base.lastIndexOf('/') + 1) + name + query, user, password);
    }

    private static synchronized PostgreSQLContainer container() {
        if (container == null) {
            container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        }
        return container;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
