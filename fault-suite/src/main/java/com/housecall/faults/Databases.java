package com.housecall.faults;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The services' PostgreSQL databases ({@code housecall_<service>} on the server {@code HOUSECALL_DB_URL} names, as
 * the platform creates them), read directly for the invariants; and the database proxy the services reach them
 * through ({@code HOUSECALL_DB_PROXY=true}, its control port {@code HOUSECALL_DB_PROXY_CONTROL_PORT}), for the cut.
 */
final class Databases {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String server;
    private final String user;
    private final URI proxyControl;

    private Databases(String server, String user, URI proxyControl) {
        this.server = server;
        this.user = user;
        this.proxyControl = proxyControl;
    }

    /** From the environment {@code bin/housecall up} ran with; the suite needs the platform on PostgreSQL. */
    static Databases fromEnvironment(Map<String, String> env) {
        String url = env.get("HOUSECALL_DB_URL");
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("the fault suite reads the services' databases: start the platform on "
                    + "PostgreSQL (HOUSECALL_DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres, HOUSECALL_DB_USER) "
                    + "and run the suite with the same variables");
        }
        return new Databases(url, env.getOrDefault("HOUSECALL_DB_USER", "postgres"), URI.create("http://127.0.0.1:"
                + env.getOrDefault("HOUSECALL_DB_PROXY_CONTROL_PORT", "8027") + "/"));
    }

    /** {@code jdbc:postgresql://h:p/postgres?x=y} with database {@code name}: {@code jdbc:postgresql://h:p/name?x=y} */
    static String urlOf(String server, String name) {
        int query = server.indexOf('?');
        String base = query < 0 ? server : server.substring(0, query);
        String params = query < 0 ? "" : server.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + name + params;
    }

    Connection open(String database) throws SQLException {
        return DriverManager.getConnection(urlOf(server, database), user, System.getenv("HOUSECALL_DB_PASSWORD"));
    }

    /** The platform's databases: {@code housecall_booking}, {@code housecall_dispatch}, ... */
    List<String> names() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = open("postgres"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'housecall\\_%'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** Events committed but not yet on Kafka, over every service's outbox. */
    long outboxPending() throws SQLException {
        long pending = 0;
        for (String name : names()) {
            try (Connection c = open(name); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT count(*) FROM outbox_event")) {
                rows.next();
                pending += rows.getLong(1);
            } catch (SQLException e) {
                if (!"42P01".equals(e.getSQLState())) { // a database without an outbox (undefined table)
                    throw e;
                }
            }
        }
        return pending;
    }

    /** Notifications claimed and not finished, or due and not yet claimed: the sender's backlog. */
    long notificationBacklog() throws SQLException {
        try (Connection c = open("housecall_notification"); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT count(*) FROM notification WHERE status = 'SENDING'"
                     + " OR (status = 'QUEUED' AND (due_at IS NULL OR due_at <= now()))")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Whether the database proxy answers (the platform started with {@code HOUSECALL_DB_PROXY=true}, so its services
     * reach PostgreSQL through it): the database cut needs it.
     */
    void checkProxy() {
        try {
            control("GET", "/health");
        } catch (IOException e) {
            throw new IllegalArgumentException("database-cut cuts the services off PostgreSQL at the database proxy, "
                    + "which does not answer on " + proxyControl + ": start the platform with HOUSECALL_DB_PROXY=true "
                    + "(or leave database-cut out with --only)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The outage: a network partition between the services and PostgreSQL for {@code length}, at the database proxy
     * (no byte passes either way, new connections get no answer, open ones stay open), then it heals (also when
     * interrupted: a suite stopped mid-cut must not leave the platform without its databases).
     */
    void cut(Duration length) throws IOException, InterruptedException {
        control("POST", "/cut?millis=" + length.toMillis());
        try {
            Thread.sleep(length.toMillis()); // the outage itself
        } finally {
            control("POST", "/cut?millis=0");
        }
    }

    private void control(String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(proxyControl.resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("the database proxy answered " + path + " with " + answer.statusCode());
        }
    }
}
