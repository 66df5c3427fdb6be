package com.housecall.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which real servers the tests use. A configured PostgreSQL ({@code HOUSECALL_TEST_DB_URL}, as CI sets) always wins;
 * with a Docker engine, Testcontainers; otherwise the in-process servers, so a JDK-only machine runs everything.
 */
public final class InfrastructureChoice {

    public enum Database { CONFIGURED_POSTGRESQL, POSTGRESQL_CONTAINER, H2 }

    public enum Broker { KAFKA_CONTAINER, EMBEDDED_KRAFT }

    public enum Identity { KEYCLOAK_CONTAINER, KEYCLOAK_DISTRIBUTION }

    private InfrastructureChoice() {
    }

    public static Database database(String configuredUrl, boolean dockerAvailable) {
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            return Database.CONFIGURED_POSTGRESQL;
        }
        return dockerAvailable ? Database.POSTGRESQL_CONTAINER : Database.H2;
    }

    public static Broker broker(boolean dockerAvailable) {
        return dockerAvailable ? Broker.KAFKA_CONTAINER : Broker.EMBEDDED_KRAFT;
    }

    /** Keycloak: Testcontainers' image with Docker, else local-stack's distribution in a process of its own. */
    public static Identity identity(boolean dockerAvailable) {
        return dockerAvailable ? Identity.KEYCLOAK_CONTAINER : Identity.KEYCLOAK_DISTRIBUTION;
    }

    /**
     * Docker counts only when a daemon socket or DOCKER_HOST exists and Testcontainers can reach it; the check is
     * skipped otherwise, since probing every strategy on a machine without an engine is slow and noisy.
     * {@code HOUSECALL_TEST_DOCKER=false} forces the in-process servers.
     */
    public static boolean dockerAvailable(Map<String, String> env) {
        if ("false".equalsIgnoreCase(env.get("HOUSECALL_TEST_DOCKER"))) {
            return false;
        }
        boolean hint = env.containsKey("DOCKER_HOST") || Files.exists(Path.of("/var/run/docker.sock"));
        return hint && org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    }
}
