package com.housecall.localstack.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy in front of this machine's PostgreSQL (CI's, {@code HOUSECALL_TEST_DB_URL}'s host and port). */
class DatabaseProxyTest {

    private DatabaseProxy proxy;

    @BeforeEach
    void start() throws Exception {
        String configured = System.getenv("HOUSECALL_TEST_DB_URL");
        URI server = URI.create((configured == null || configured.isBlank()
                ? "jdbc:postgresql://127.0.0.1:5432/postgres" : configured).substring("jdbc:".length()));
        proxy = DatabaseProxy.start("127.0.0.1", 0, 0, new InetSocketAddress(server.getHost(), server.getPort()));
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    @Test
    void aQueryThroughTheProxyIsAnswered() throws SQLException {
        try (Connection connection = connect()) {
            assertThat(one(connection, "SELECT 41 + 1")).isEqualTo(42);
        }
    }

    /** A partition, not a refusal: the open connection survives, its query is answered once the cut ends. */
    @Test
    void aQueryDuringACutWaitsForItsEndOnTheSameConnection() throws Exception {
        try (Connection connection = connect()) {
            assertThat(one(connection, "SELECT pg_backend_pid()")).isPositive();
            int backend = one(connection, "SELECT pg_backend_pid()");

            assertThat(control("POST", "/cut?millis=1500").statusCode()).isEqualTo(200);
            long began = System.nanoTime();
            int answered = one(connection, "SELECT pg_backend_pid()");

            assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThan(Duration.ofMillis(1200));
            assertThat(answered).isEqualTo(backend);
        }
    }

    @Test
    void aCutCanBeEndedEarlyAndABadOneIsRefused() throws Exception {
        assertThat(control("POST", "/cut?millis=600000").statusCode()).isEqualTo(200);
        assertThat(control("POST", "/cut?millis=0").statusCode()).isEqualTo(200);
        try (Connection connection = connect()) {
            assertThat(one(connection, "SELECT 1")).isEqualTo(1);
        }

        assertThat(control("POST", "/cut?millis=soon").statusCode()).isEqualTo(400);
        assertThat(control("GET", "/cut?millis=10").statusCode()).isEqualTo(400);
        assertThat(control("GET", "/health").body()).contains("\"UP\"");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres",
                System.getenv().getOrDefault("HOUSECALL_TEST_DB_USER", "postgres"),
                System.getenv("HOUSECALL_TEST_DB_PASSWORD"));
    }

    private static int one(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private HttpResponse<String> control(String method, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.controlPort() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
