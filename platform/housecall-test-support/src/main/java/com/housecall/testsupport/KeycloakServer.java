package com.housecall.testsupport;

import com.housecall.localstack.keycloak.KeycloakDistribution;
import com.housecall.localstack.keycloak.KeycloakProcess;
import com.housecall.localstack.keycloak.TokenEndpoint;
import com.housecall.localstack.tokens.ClientAssertion;
import com.housecall.localstack.tokens.DemoUsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A real Keycloak with the dev realm {@code housecall} ({@code deploy/keycloak/housecall-realm.json}), one per test
 * JVM, started on first use of {@link #shared()} and stopped when the JVM exits.
 *
 * <p>With a Docker engine ({@link InfrastructureChoice#identity}) it is Testcontainers' Keycloak
 * ({@code quay.io/keycloak/keycloak:<keycloak.version>}, {@link KeycloakContainers}), beside the Kafka and
 * PostgreSQL containers. Otherwise it runs local-stack's {@link KeycloakDistribution} (the one
 * {@code bin/housecall up} runs), unpacked into {@code target/keycloak/<n>/} of the module under test (n: the
 * first slot no other JVM holds, since Keycloak's build step writes into its distribution):
 * {@code bin/kc.sh start-dev --db=dev-mem --import-realm} on 127.0.0.1 with free ports and
 * {@code --hostname http://localhost:<port>}, so every token carries the issuer {@link #issuer()} however it was
 * fetched. Services under test accept its tokens with {@link HousecallTestInfrastructure#keycloakProperties()}.
 *
 * <p>System properties: {@code housecall.keycloak.zip} (another zip than the one Maven resolved),
 * {@code housecall.keycloak.dir} (where to unpack; default {@code target/keycloak} of the working directory, the
 * module under test), {@code housecall.keycloak.realm-file} (another realm file to import).
 */
public final class KeycloakServer {

    public static final String REALM = TokenEndpoint.REALM;
    /** The client that allows the password grant in the dev realm. */
    public static final String PASSWORD_CLIENT = TokenEndpoint.PASSWORD_CLIENT;

    private static final String ADMIN = "housecall-test-admin";
    private static final String ADMIN_PASSWORD = UUID.randomUUID().toString();

    private static KeycloakServer shared;
    private static RuntimeException failure;

    private final Runnable stop;
    private final @Nullable ProcessHandle server;
    private final String baseUrl;
    private final int managementPort;
    private final Path log;
    private final Duration startup;

    /** {@code server}: Keycloak's JVM; null for a container, which has no local process to measure. */
    KeycloakServer(Runnable stop, @Nullable ProcessHandle server, String baseUrl, int managementPort, Path log,
                   Duration startup) {
        this.stop = stop;
        this.server = server;
        this.baseUrl = baseUrl;
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
                shared = switch (InfrastructureChoice.identity(InfrastructureChoice.dockerAvailable(System.getenv()))) {
                    case KEYCLOAK_CONTAINER -> KeycloakContainers.start(version(), ADMIN, ADMIN_PASSWORD,
                            System.getProperty("housecall.keycloak.realm-file", ""));
                    case KEYCLOAK_DISTRIBUTION -> start(Path.of(System.getProperty("housecall.keycloak.dir",
                            "target/keycloak")).toAbsolutePath());
                };
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return shared;
    }

    /** The Keycloak version of the distribution, from the root pom. */
    public static String version() {
        return KeycloakDistribution.version();
    }

    public int port() {
        return java.net.URI.create(baseUrl).getPort();
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

    /** The pid of Keycloak's JVM (a child of {@code kc.sh}), for measurements; none for a container. */
    public java.util.OptionalLong serverPid() {
        return server == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(server.pid());
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Exactly what Keycloak writes into {@code iss}. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return TokenEndpoint.of(issuer());
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
        if (user.signsAssertions()) {
            return requestToken(ClientAssertion.grant(user.clientId(), tokenEndpoint(), ClientAssertion.demoKey()))
                    .accessToken();
        }
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
        admin(REALM).allowBrowserPages(clientId, pages);
    }

    /** The admin API of {@code realm} (which need not exist yet), as this run's administrator. */
    KeycloakAdmin admin(String realm) {
        String admin = TokenEndpoint.post(TokenEndpoint.of(baseUrl() + "/realms/master"), Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD))
                .accessToken();
        return new KeycloakAdmin(baseUrl() + "/admin/realms", realm, admin);
    }

    /** Posts {@code form} to the token endpoint; the answer, successful or not. */
    public TokenEndpoint.Response requestToken(Map<String, String> form) {
        return TokenEndpoint.post(tokenEndpoint(), form);
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
            String realmFile = System.getProperty("housecall.keycloak.realm-file", "");
            Path dist = KeycloakDistribution.prepare(slot, realmFile.isBlank() ? null : Path.of(realmFile));
            IOException lastFailure = null;
            for (int attempt = 1; attempt <= 3; attempt++) {
                int port = KeycloakProcess.freePort();
                int managementPort = KeycloakProcess.freePort();
                Path log = slot.resolve("keycloak.log");
                Process process = KeycloakProcess.launch(dist, port, managementPort, log, ADMIN, ADMIN_PASSWORD);
                try {
                    KeycloakProcess.awaitReady(process, port, managementPort, log);
                    ProcessHandle jvm = process.descendants()
                            .filter(p -> p.info().command().orElse("").endsWith("java"))
                            .findFirst().orElse(process.toHandle());
                    KeycloakServer server = new KeycloakServer(() -> KeycloakProcess.destroyTree(process), jvm,
                            "http://localhost:" + port, managementPort, log,
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
                } catch (KeycloakProcess.PortTakenException e) {
                    // another process on this shared machine took a port between our probe and Keycloak's bind
                    KeycloakProcess.destroyTree(process);
                    lastFailure = e;
                } catch (RuntimeException | Error e) {
                    KeycloakProcess.destroyTree(process);
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

    private void stop() {
        stop.run();
    }

    /** The properties of a token check against this server, by {@code housecall.security.*} name. */
    public Map<String, Object> securityProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("housecall.security.issuer", issuer());
        properties.put("housecall.security.jwk-set-uri", jwkSetUri());
        return properties;
    }
}
