package com.housecall.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Keycloak with the dev realm {@code housecall} ({@code deploy/keycloak/housecall-realm.json}), one per test
 * JVM, started on first use of {@link #shared()} and stopped when the JVM exits.
 *
 * <p>It runs the distribution zip {@code org.keycloak:keycloak-quarkus-dist} that Maven resolved (a test-scope
 * dependency of housecall-test-support, whose path the build records in {@code housecall/keycloak/keycloak.properties}),
 * unpacked into {@code target/keycloak/<n>/} of the module under test (n: the first slot no other JVM holds, since
 * Keycloak's build step writes into its distribution):
 * {@code bin/kc.sh start-dev --db=dev-mem --import-realm} on 127.0.0.1 with free ports and
 * {@code --hostname http://localhost:<port>}, so every token carries the issuer {@link #issuer()} however it was
 * fetched. Services under test accept its tokens with {@link HousecallTestInfrastructure#keycloakProperties()}.
 *
 * <p>System properties: {@code housecall.keycloak.zip} (another zip than the one Maven resolved),
 * {@code housecall.keycloak.dir} (where to unpack; default {@code target/keycloak} of the working directory, the
 * module under test), {@code housecall.keycloak.realm-file} (another realm file to import).
 */
public final class KeycloakServer {

    public static final String REALM = "housecall";
    /** The client that allows the password grant in the dev realm. */
    public static final String PASSWORD_CLIENT = "housecall-web";

    private static final String JAVA_OPTS_APPEND =
            "--add-opens=java.base/java.lang=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String ADMIN = "housecall-test-admin";
    private static final String ADMIN_PASSWORD = UUID.randomUUID().toString();

    private static KeycloakServer shared;
    private static RuntimeException failure;

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;
    private final Duration startup;

    private KeycloakServer(Process process, int port, int managementPort, Path log, Duration startup) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.startup = startup;
    }

    /**
     * This JVM's Keycloak, started on first call: about 50 s in a fresh {@code target/} (unpacking and Keycloak's
     * build step), about 15 s later; much more on a busy machine. A failed start fails every later call at once.
     */
    public static synchronized KeycloakServer shared() {
        if (failure != null) {
            throw new IllegalStateException("Keycloak failed to start earlier in this JVM", failure);
        }
        if (shared == null) {
            try {
                shared = start(Path.of(System.getProperty("housecall.keycloak.dir", "target/keycloak")).toAbsolutePath());
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return shared;
    }

    /** The Keycloak version of the distribution, from the pom of housecall-test-support. */
    public static String version() {
        return buildInfo().getProperty("version");
    }

    /** Written by Maven when housecall-test-support is built: the version and the zip Maven resolved. */
    private static Properties buildInfo() {
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/housecall/keycloak/keycloak.properties")) {
            if (in == null) {
                throw new IllegalStateException("housecall/keycloak/keycloak.properties is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    /** The server log, for a failing test's diagnosis. */
    public Path log() {
        return log;
    }

    /** How long the start took: unpacking (first time), Keycloak's build step and the start itself. */
    public Duration startup() {
        return startup;
    }

    /** The pid of Keycloak's JVM (a child of {@code kc.sh}), for measurements. */
    public long serverPid() {
        return process.descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .findFirst().orElse(process.toHandle()).pid();
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Exactly what Keycloak writes into {@code iss}. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** An access token by the password grant on {@code housecall-web}. */
    public String passwordGrant(String username, String password) {
        return requestToken(Map.of("grant_type", "password", "client_id", PASSWORD_CLIENT,
                "username", username, "password", password, "scope", "openid")).accessToken();
    }

    /** An access token by the client-credentials grant of a confidential client (a partner clinic). */
    public String clientCredentials(String clientId, String secret) {
        return requestToken(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret)).accessToken();
    }

    /** A real token for a demo user or partner clinic of {@link DemoUsers}, like {@code DevJwt.token(name)}. */
    public String token(String demoUser) {
        DemoUsers.User user = DemoUsers.require(demoUser);
        return user.isClient() ? clientCredentials(user.clientId(), user.secret())
                : passwordGrant(user.username(), user.secret());
    }

    /**
     * Lets the pages under {@code pages} (say {@code http://localhost:41234/ops/}) log in with the public client
     * {@code clientId}: {@code pages + "*"} as a redirect URI and the pages' origin as a web origin, so they may call
     * the token endpoint. The dev realm allows only the local stack's {@code http://localhost:8080}; a test whose
     * gateway listens on a free port adds its own through the admin API.
     */
    public void allowBrowserPages(String clientId, String pages) {
        URI page = URI.create(pages);
        String origin = page.getScheme() + "://" + page.getAuthority();
        String admin = requestToken(baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD))
                .accessToken();
        String clients = baseUrl() + "/admin/realms/" + REALM + "/clients";
        List<Map<String, Object>> found = adminCall(admin, HttpRequest.newBuilder(
                URI.create(clients + "?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8))).GET());
        if (found.size() != 1) {
            throw new IllegalStateException("No client " + clientId + " in realm " + REALM);
        }
        Map<String, Object> client = new LinkedHashMap<>(found.getFirst());
        client.put("redirectUris", withAdded(client.get("redirectUris"), pages + "*"));
        client.put("webOrigins", withAdded(client.get("webOrigins"), origin));
        adminCall(admin, HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))));
    }

    private static List<Object> withAdded(Object list, String value) {
        List<Object> values = new ArrayList<>(list instanceof List<?> l ? l : List.of());
        if (!values.contains(value)) {
            values.add(value);
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static <T> T adminCall(String token, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak's admin API answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? null : (T) JSON.readValue(response.body(), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts {@code form} to the token endpoint; the answer, successful or not. */
    public TokenResponse requestToken(Map<String, String> form) {
        return requestToken(tokenEndpoint(), form);
    }

    /** Posts {@code form} to {@code endpoint} (another host name for the same server, say). */
    public static TokenResponse requestToken(String endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            @SuppressWarnings("unchecked")
            Map<String, Object> json = JSON.readValue(response.body(), Map.class);
            return new TokenResponse(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The token endpoint's answer: {@code access_token}, ... on 200; {@code error}, {@code error_description} otherwise. */
    public record TokenResponse(int status, Map<String, Object> body) {

        public boolean ok() {
            return status == 200 && body.get("access_token") instanceof String;
        }

        public String accessToken() {
            if (!ok()) {
                throw new IllegalStateException("Keycloak refused the token: " + status + " " + body);
            }
            return (String) body.get("access_token");
        }

        public String error() {
            return (String) body.get("error");
        }
    }

    // --- starting and stopping ---

    private static KeycloakServer start(Path workDir) {
        long began = System.nanoTime();
        String version = version();
        try {
            Files.createDirectories(workDir);
            // start-dev rewrites its distribution's lib/quarkus on every start (Keycloak's build step), so a
            // distribution serves one server at a time: this JVM holds a slot's lock until it exits
            FileChannel lock = null;
            Path slot = null;
            for (int n = 0; lock == null; n++) {
                slot = workDir.resolve(String.valueOf(n));
                FileChannel channel = FileChannel.open(workDir.resolve(n + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.tryLock();
                if (held != null) {
                    lock = channel;
                } else {
                    channel.close();
                }
            }
            Path dist = slot.resolve("keycloak-" + version);
            unpackIfNeeded(locateZip(version), slot, dist);
            Path imports = dist.resolve("data/import");
            Files.createDirectories(imports);
            try (Stream<Path> old = Files.list(imports)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            copyRealm(imports.resolve(REALM + "-realm.json"));
            IOException lastFailure = null;
            for (int attempt = 1; attempt <= 3; attempt++) {
                int port = freePort();
                int managementPort = freePort();
                Path log = slot.resolve("keycloak.log");
                Process process = launch(dist, port, managementPort, log);
                try {
                    awaitReady(process, port, managementPort, log);
                    KeycloakServer server = new KeycloakServer(process, port, managementPort, log,
                            Duration.ofNanos(System.nanoTime() - began));
                    FileChannel held = lock;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        server.stop();
                        try {
                            held.close();
                        } catch (IOException ignored) {
                            // the JVM exits: the OS releases it anyway
                        }
                    }, "keycloak-stop"));
                    System.out.printf("Keycloak %s ready at %s in %.1f s (log %s)%n", version, server.issuer(),
                            server.startup.toMillis() / 1000.0, log);
                    return server;
                } catch (PortTakenException e) {
                    // another process on this shared machine took a port between our probe and Keycloak's bind
                    destroyTree(process);
                    lastFailure = e;
                } catch (RuntimeException | Error e) {
                    destroyTree(process);
                    lock.close();
                    throw e;
                }
            }
            lock.close();
            throw new IllegalStateException("Keycloak could not bind free ports", lastFailure);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class PortTakenException extends IOException {
        PortTakenException(String message) {
            super(message);
        }
    }

    /**
     * The zip named by {@code -Dhousecall.keycloak.zip}, else the one Maven resolved when it built this module,
     * else the local Maven repository's ({@code maven.repo.local} or {@code ~/.m2/repository}).
     */
    static Path locateZip(String version) {
        List<String> candidates = new ArrayList<>();
        candidates.add(System.getProperty("housecall.keycloak.zip", ""));
        candidates.add(buildInfo().getProperty("zip", ""));
        String repository = System.getProperty("maven.repo.local", "");
        Path repo = repository.isBlank() ? Path.of(System.getProperty("user.home"), ".m2", "repository") : Path.of(repository);
        Path inRepository = repo.resolve("org/keycloak/keycloak-quarkus-dist/" + version
                + "/keycloak-quarkus-dist-" + version + ".zip");
        candidates.add(inRepository.toString());
        for (String candidate : candidates) {
            if (!candidate.isBlank() && !candidate.contains("@") && Files.isRegularFile(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("No Keycloak distribution at " + inRepository + ". Tests get it from Maven through"
                + " housecall-test-support's dependency on org.keycloak:keycloak-quarkus-dist:" + version + ":zip;"
                + " fetch it with ./mvnw dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:" + version
                + ":zip, or point -Dhousecall.keycloak.zip at the zip.");
    }

    private static void unpackIfNeeded(Path zip, Path workDir, Path dist) throws IOException {
        Path marker = dist.resolve(".housecall-unpacked");
        if (Files.exists(marker) && Files.readString(marker).equals(zip + " " + Files.size(zip))) {
            return;
        }
        deleteTree(dist);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = workDir.resolve(entry.getName()).normalize();
                if (!target.startsWith(workDir)) {
                    throw new IOException("Unexpected entry " + entry.getName() + " in " + zip);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.getFileName().toString().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        if (!Files.isRegularFile(dist.resolve("bin/kc.sh"))) {
            throw new IOException(zip + " did not unpack to " + dist);
        }
        Files.writeString(marker, zip + " " + Files.size(zip));
    }

    private static void copyRealm(Path target) throws IOException {
        String file = System.getProperty("housecall.keycloak.realm-file", "");
        if (!file.isBlank()) {
            Files.copy(Path.of(file), target);
            return;
        }
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/housecall/keycloak/housecall-realm.json")) {
            if (in == null) {
                throw new IllegalStateException("housecall/keycloak/housecall-realm.json is missing from the classpath");
            }
            Files.copy(in, target);
        }
    }

    private static Process launch(Path dist, int port, int managementPort, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(dist.resolve("bin/kc.sh").toString(), "start-dev",
                "--db=dev-mem", "--import-realm", "--health-enabled=true",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--hostname=http://localhost:" + port));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dist.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // KC_* variables are Keycloak options, JAVA_OPTS replaces kc.sh's defaults, DEBUG turns on its debugger
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_")
                || List.of("JAVA_OPTS", "JAVA_OPTS_KC_HEAP", "JAVA_ADD_OPENS", "JAVA", "DEBUG", "DEBUG_PORT",
                        "PRINT_ENV").contains(name));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_APPEND", JAVA_OPTS_APPEND);
        // an administrator of this run only, for tests that must change a client (see allowBrowserPages)
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return builder.start();
    }

    private static void awaitReady(Process process, int port, int managementPort, Path log) throws PortTakenException {
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/health/ready");
        URI realm = URI.create("http://127.0.0.1:" + port + "/realms/" + REALM + "/.well-known/openid-configuration");
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
            if (answers200(ready) && answers200(realm)) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT + "; log " + log
                + " ends with:\n" + tail(log));
    }

    private static boolean answers200(URI uri) {
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

    private void stop() {
        destroyTree(process);
    }

    /** Keycloak's JVM first (kc.sh waits for it), then kc.sh; forcibly after 20 s. */
    private static void destroyTree(Process process) {
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The properties of a token check against this server, by {@code housecall.security.*} name. */
    public Map<String, Object> securityProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("housecall.security.issuer", issuer());
        properties.put("housecall.security.jwk-set-uri", jwkSetUri());
        return properties;
    }
}
