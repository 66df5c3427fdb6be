package com.housecall.localstack.keycloak;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keycloak's {@code kc.sh start-dev} as a child process: launched on loopback with an in-memory database and the
 * realm imported, awaited until ready, stopped.
 */
public final class KeycloakProcess {

    private static final String JAVA_OPTS_APPEND =
            "--add-opens=java.base/java.lang=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow";
    /** 5 minutes, or more on a loaded machine: {@code HOUSECALL_KEYCLOAK_START_TIMEOUT} seconds, as up reads it. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Math.max(300, startTimeoutSeconds()));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakProcess() {
    }

    private static long startTimeoutSeconds() {
        try {
            return Long.parseLong(System.getenv().getOrDefault("HOUSECALL_KEYCLOAK_START_TIMEOUT", "300").strip());
        } catch (NumberFormatException e) {
            return 300;
        }
    }

    public static final class PortTakenException extends IOException {
        PortTakenException(String message) {
            super(message);
        }
    }

    /** {@code kc.sh start-dev} on 127.0.0.1 with the issuer {@code http://localhost:<port>/realms/...}. */
    public static List<String> command(Path dist, int port, int managementPort) {
        return new ArrayList<>(List.of(dist.resolve("bin/kc.sh").toString(), "start-dev",
                "--db=dev-mem", "--import-realm", "--health-enabled=true",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--hostname=http://localhost:" + port));
    }

    /** Drops what kc.sh or Keycloak would read from the caller's environment; runs it on {@code javaHome}. */
    public static void prepareEnvironment(Map<String, String> env, String javaHome) {
        // KC_* variables are Keycloak options, JAVA_OPTS replaces kc.sh's defaults, DEBUG turns on its debugger
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_")
                || List.of("JAVA_OPTS", "JAVA_OPTS_KC_HEAP", "JAVA_ADD_OPENS", "JAVA_LOCALE", "JAVA", "DEBUG",
                        "DEBUG_PORT", "DEBUG_SUSPEND", "PRINT_ENV").contains(name));
        env.put("JAVA_HOME", javaHome);
        env.put("JAVA_OPTS_APPEND", JAVA_OPTS_APPEND);
    }

    /** The tests' Keycloak: this JVM's Java, a run-only administrator, its log in {@code log}. */
    public static Process launch(Path dist, int port, int managementPort, Path log, String admin,
                                 String adminPassword) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(dist, port, managementPort))
                .directory(dist.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        prepareEnvironment(env, System.getProperty("java.home"));
        // an administrator of this run only, for tests that must change a client (see allowBrowserPages)
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", admin);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        return builder.start();
    }

    /** Ready, and the realm imported. */
    public static boolean ready(int port, int managementPort) {
        return answers200(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                && answers200(URI.create("http://127.0.0.1:" + port + "/realms/" + TokenEndpoint.REALM
                        + "/.well-known/openid-configuration"));
    }

    public static void awaitReady(Process process, int port, int managementPort, Path log)
            throws PortTakenException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = tail(log);
                if (tail.contains("already in use") || tail.contains("already bound")) {
                    throw new PortTakenException(tail);
                }
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; log " + log
                        + " ends with:\n" + tail);
            }
            if (ready(port, managementPort)) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT + "; log " + log
                + " ends with:\n" + tail(log));
    }

    static boolean answers200(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Keycloak's JVM first (kc.sh waits for it), then kc.sh; forcibly after 20 s. */
    public static void destroyTree(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && (process.isAlive() || children.stream().anyMatch(ProcessHandle::isAlive))) {
            sleep(Duration.ofMillis(100));
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    public static String tail(Path log) {
        return tail(log, 40);
    }

    /** The last {@code count} lines of a log, for a failed start's diagnosis. */
    public static String tail(Path log, int count) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
