package com.housecall.localstack.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the environment says (CONTRACT.md section 1): the ports of every part ({@code HOUSECALL_<PART>_PORT}), the
 * SMS sink's credentials, the start timeouts, where the repository and its state ({@code .housecall/}) are.
 */
record Settings(Path root, Path javaHome, Map<String, String> env) {

    static final String REALM = "housecall";
    static final String POSTGRESQL = "jdbc:postgresql:";

    static Settings of(Path root, Map<String, String> env) {
        String javaHome = env.getOrDefault("JAVA_HOME", System.getProperty("java.home"));
        return new Settings(root.toAbsolutePath().normalize(), Path.of(javaHome), Map.copyOf(env));
    }

    Path state() {
        return root.resolve(".housecall");
    }

    Path logs() {
        return state().resolve("logs");
    }

    Path pids() {
        return state().resolve("pids");
    }

    Path devKeys() {
        return state().resolve("dev-jwt");
    }

    Path java() {
        return javaHome.resolve("bin/java");
    }

    /** {@code HOUSECALL_<name>_PORT}, else the default of CONTRACT.md section 1. */
    int port(String name, int fallback) {
        String variable = "HOUSECALL_" + name + "_PORT";
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new LaunchException(variable + " is not a port: " + value);
        }
    }

    String get(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Each part's time to become healthy: {@code HOUSECALL_START_TIMEOUT} seconds (180). */
    Duration startTimeout() {
        return Duration.ofSeconds(Long.parseLong(get("HOUSECALL_START_TIMEOUT", "180")));
    }

    /** Keycloak's first start includes its build step: {@code HOUSECALL_KEYCLOAK_START_TIMEOUT} (at least 300 s). */
    Duration keycloakStartTimeout() {
        long fallback = Math.max(300, startTimeout().toSeconds());
        return Duration.ofSeconds(Long.parseLong(get("HOUSECALL_KEYCLOAK_START_TIMEOUT", Long.toString(fallback))));
    }

    /** {@code HOUSECALL_KAFKA_BROKERS}: 1 (a single KRaft node, the default) or 3 (a cluster, {@link KafkaCluster}). */
    int kafkaBrokers() {
        String value = get("HOUSECALL_KAFKA_BROKERS", "1").strip();
        return switch (value) {
            case "1" -> 1;
            case "3" -> 3;
            default -> throw new LaunchException("HOUSECALL_KAFKA_BROKERS is 1 or 3, not " + value);
        };
    }

    String smsAccountSid() {
        return get("HOUSECALL_SMS_ACCOUNT_SID", "ACdev");
    }

    String smsAuthToken() {
        return get("HOUSECALL_SMS_AUTH_TOKEN", "dev-token");
    }

    /** A Twilio test sender number. */
    String smsFrom() {
        return get("HOUSECALL_SMS_FROM", "+15005550006");
    }

    /** Exactly Keycloak's {@code iss} (it runs with {@code --hostname}). */
    String issuer() {
        return "http://localhost:" + Part.KEYCLOAK.port(this) + "/realms/" + REALM;
    }

    /** {@code HOUSECALL_DB_URL}: the PostgreSQL server the services make their databases on; blank: embedded H2. */
    String databaseUrl() {
        return get("HOUSECALL_DB_URL", "").strip();
    }

    /**
     * {@code HOUSECALL_DB_PROXY=true}: the services reach PostgreSQL through {@code db-proxy}
     * ({@link com.housecall.localstack.db.DatabaseProxy}), which the fault suite cuts off.
     */
    boolean databaseProxy() {
        if (!"true".equals(get("HOUSECALL_DB_PROXY", "false").strip())) {
            return false;
        }
        if (!databaseUrl().startsWith(POSTGRESQL)) {
            throw new LaunchException("HOUSECALL_DB_PROXY=true puts a proxy in front of PostgreSQL: set "
                    + "HOUSECALL_DB_URL (jdbc:postgresql://127.0.0.1:5432/postgres) too");
        }
        return true;
    }

    /** The server's {@code host:port} in {@code HOUSECALL_DB_URL}, where the proxy forwards to. */
    String databaseAddress() {
        URI server = URI.create(databaseUrl().substring("jdbc:".length()));
        return server.getHost() + ":" + (server.getPort() == -1 ? 5432 : server.getPort());
    }

    /** The URL the services are given: {@code HOUSECALL_DB_URL}, or the same through the proxy when it runs. */
    String serviceDatabaseUrl() {
        if (!databaseProxy()) {
            return databaseUrl();
        }
        String rest = databaseUrl().substring(POSTGRESQL.length() + "//".length());
        int path = rest.indexOf('/');
        return POSTGRESQL + "//127.0.0.1:" + Part.DB_PROXY.port(this, "DB_PROXY")
                + (path < 0 ? "/" : rest.substring(path));
    }

    boolean devTokensByDefault() {
        return "1".equals(env.get("HOUSECALL_DEV_TOKENS"));
    }
}
