package com.housecall.testsupport;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.testcontainers.utility.MountableFile;

/**
 * Keycloak for the tests on a host with Docker: Testcontainers' Keycloak module with the image of the root pom's
 * {@code keycloak.version}, the dev realm imported, the run's admin, its log in {@code target/keycloak-container.log}.
 * Not run on the development machines (no Docker engine there): KeycloakContainersTest checks its {@link Setup}.
 */
final class KeycloakContainers {

    static final String IMAGE = "quay.io/keycloak/keycloak";
    /** Where local-stack puts the realm files on the classpath. */
    static final String DEV_REALM = "housecall/keycloak/housecall-realm.json";
    private static final String IMPORT = "/opt/keycloak/data/import/";

    private KeycloakContainers() {
    }

    /**
     * What the container is made of, apart from the container (whose constructor already asks Docker for the image).
     *
     * @param realm the realm file: a classpath resource ({@code classpath:...}) or a file on this host
     */
    record Setup(String image, String admin, String adminPassword, String realm, String importedAs) {

        /** {@code realmFile} blank for the dev realm. */
        static Setup of(String version, String admin, String adminPassword, String realmFile) {
            String realm = realmFile.isBlank() ? "classpath:" + DEV_REALM
                    : Path.of(realmFile).toAbsolutePath().toString();
            return new Setup(IMAGE + ":" + version, admin, adminPassword, realm,
                    IMPORT + Path.of(realm.replaceFirst("^classpath:", "")).getFileName());
        }

        MountableFile realmFile() {
            return realm.startsWith("classpath:") ? MountableFile.forClasspathResource(realm.substring(10))
                    : MountableFile.forHostPath(realm);
        }

        KeycloakContainer container() {
            return new KeycloakContainer(image)
                    .withAdminUsername(admin)
                    .withAdminPassword(adminPassword)
                    .withStartupTimeout(Duration.ofMinutes(5))
                    .withCopyFileToContainer(realmFile(), importedAs)
                    .withCustomCommand("--import-realm");
        }
    }

    static KeycloakServer start(String version, String admin, String adminPassword, String realmFile) {
        long began = System.nanoTime();
        Path log = Path.of("target/keycloak-container.log").toAbsolutePath();
        KeycloakContainer container = Setup.of(version, admin, adminPassword, realmFile).container()
                .withLogConsumer(frame -> append(log, frame.getUtf8String()));
        container.start();
        String baseUrl = container.getAuthServerUrl().replaceAll("/+$", "");
        KeycloakServer server = new KeycloakServer(container::stop, null, baseUrl,
                container.getMappedPort(9000), log, Duration.ofNanos(System.nanoTime() - began));
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "keycloak-container-stop"));
        System.out.printf("Keycloak %s (container) ready at %s in %.1f s (log %s)%n", version, server.issuer(),
                server.startup().toMillis() / 1000.0, log);
        return server;
    }

    private static void append(Path log, String text) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
