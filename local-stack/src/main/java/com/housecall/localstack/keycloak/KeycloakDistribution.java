package com.housecall.localstack.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * The Keycloak distribution {@code bin/housecall up} and the tests' {@code KeycloakServer} run: the zip Maven
 * resolved for local-stack (version {@code keycloak.version} of the root pom, the one place it is written), unpacked
 * once per directory, with a realm file ready to import.
 */
public final class KeycloakDistribution {

    private static final String BUILD_INFO = "/housecall/local-stack/keycloak.properties";
    private static final String REALM_RESOURCE = "/housecall/keycloak/housecall-realm.json";

    private KeycloakDistribution() {
    }

    /** The version of the distribution, from the root pom (filtered into this module's resources). */
    public static String version() {
        return buildInfo().getProperty("version");
    }

    /**
     * Unpacks the distribution into {@code parent/keycloak-<version>} if needed and lays out {@code realmFile}
     * (null: the dev realm on the classpath) to import; the distribution's directory.
     */
    public static Path prepare(Path parent, @Nullable Path realmFile) throws IOException {
        String version = version();
        Path dist = parent.resolve("keycloak-" + version);
        unpackIfNeeded(locateZip(version), parent, dist);
        Path imports = dist.resolve("data/import");
        Files.createDirectories(imports);
        try (Stream<Path> old = Files.list(imports)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        copyRealm(realmFile, imports.resolve(TokenEndpoint.REALM + "-realm.json"));
        return dist;
    }

    /** Written by Maven when local-stack is built: the version and the zip Maven resolved. */
    static Properties buildInfo() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream(BUILD_INFO)) {
            if (in == null) {
                throw new IllegalStateException(BUILD_INFO + " is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The zip named by {@code -Dhousecall.keycloak.zip}, else the one Maven resolved when it built this module,
     * else the local Maven repository's ({@code maven.repo.local} or {@code ~/.m2/repository}).
     */
    public static Path locateZip(String version) {
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
                + " local-stack's dependency on org.keycloak:keycloak-quarkus-dist:" + version + ":zip;"
                + " fetch it with ./mvnw dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:" + version
                + ":zip, or point -Dhousecall.keycloak.zip at the zip.");
    }

    static void unpackIfNeeded(Path zip, Path workDir, Path dist) throws IOException {
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

    static void copyRealm(@Nullable Path realmFile, Path target) throws IOException {
        if (realmFile != null) {
            Files.copy(realmFile, target);
            return;
        }
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is missing from the classpath");
            }
            Files.copy(in, target);
        }
    }

    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
