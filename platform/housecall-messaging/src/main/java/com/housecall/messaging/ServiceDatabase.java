package com.housecall.messaging;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a service keeps its data: its own PostgreSQL database {@code housecall_<service>} (created if missing)
 * when {@code HOUSECALL_DB_URL} names a server, else an embedded H2 file in PostgreSQL mode under
 * {@code HOUSECALL_HOME} so a JDK-only machine runs everything.
 */
public final class ServiceDatabase {

    /** H2 settings that make it behave like PostgreSQL where our SQL relies on it. */
    public static final String H2_POSTGRES_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private ServiceDatabase() {
    }

    /** {@code booking-service} → {@code housecall_booking}. */
    public static String databaseName(String module) {
        return "housecall_" + module.replace("-service", "").replace('-', '_');
    }

    /** Spring datasource properties for the module, from the environment. */
    public static Map<String, Object> properties(String module, Map<String, String> env) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String server = env.get("HOUSECALL_DB_URL");
        if (server != null && !server.isBlank()) {
            String user = env.getOrDefault("HOUSECALL_DB_USER", "postgres");
            String password = env.getOrDefault("HOUSECALL_DB_PASSWORD", "");
            String url = createIfMissing(server, databaseName(module), user, password);
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", user);
            properties.put("spring.datasource.password", password);
        } else {
            Path home = Path.of(env.getOrDefault("HOUSECALL_HOME", ".housecall"));
            // WRITE_DELAY=0: a commit is written when it returns, so a process killed right after it (its Kafka
            // offset committed too) keeps it; H2's default writes up to half a second later (issue 15)
            // LOCK_TIMEOUT=10000: a consumer's poll is one transaction and holds its consultations' rows for up to a
            // second under load; H2's default (1 s) failed the transaction waiting behind it, where PostgreSQL waits
            // (deadlocks are still found at once)
            properties.put("spring.datasource.url", "jdbc:h2:file:" + home.resolve("data").resolve(module).toAbsolutePath()
                    + H2_POSTGRES_MODE + ";AUTO_SERVER=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        return properties;
    }

    /**
     * Creates {@code database} on the PostgreSQL server at {@code serverUrl} (any database URL on that server, or
     * one ending in {@code /}) and returns the URL of the new database.
     */
    public static String createIfMissing(String serverUrl, String database, String user, String password) {
        String base = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1);
        String query = serverUrl.contains("?") ? serverUrl.substring(serverUrl.indexOf('?')) : "";
        if (base.contains("?")) {
            base = base.substring(0, base.indexOf('?'));
            base = base.substring(0, base.lastIndexOf('/') + 1);
        }
        try (Connection connection = DriverManager.getConnection(base + "postgres" + query, user, password)) {
            boolean exists;
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                select.setString(1, database);
                try (ResultSet rows = select.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                try (Statement create = connection.createStatement()) {
                    // the name is ours (letters, digits, underscores), never user input
                    create.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + " on " + base + ": " + e.getSQLState(), e);
        }
        return base + database + query;
    }
}
