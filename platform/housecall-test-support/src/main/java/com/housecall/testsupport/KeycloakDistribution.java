package com.housecall.testsupport;

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

/**
 * The Keycloak distribution {@link KeycloakServer} runs: the zip Maven resolved, unpacked once per slot, with the
 * dev realm (or {@code housecall.keycloak.realm-file}) ready to import.
 */
final class KeycloakDistribution {

    private KeycloakDistribution() {
    }

    /** The version of the distribution, from the pom of housecall-test-support. */
    static String version() {
        return buildInfo().getProperty("version");
    }

    /** Unpacks the distribution into {@code slot} if needed and lays out the realm to import; its directory. */
    static Path prepare(Path slot) throws IOException {
        String version = version();
        Path dist = slot.resolve("keycloak-" + version);
        unpackIfNeeded(locateZip(version), slot, dist);
        Path imports = dist.resolve("data/import");
        Files.createDirectories(imports);
        try (Stream<Path> old = Files.list(imports)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        copyRealm(imports.resolve(KeycloakServer.REALM + "-realm.json"));
        return dist;
    }

    /** Written by Maven when housecall-test-support is built: the version and the zip Maven resolved. */
    static Properties buildInfo() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/housecall/keycloak/keycloak.properties")) {
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

    static void copyRealm(Path target) throws IOException {
        String file = System.getProperty("housecall.keycloak.realm-file", "");
        if (!file.isBlank()) {
            Files.copy(Path.of(file), target);
            return;
        }
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/housecall/keycloak/housecall-realm.json")) {
            if (in == null) {
                throw new IllegalStateException("housecall/keycloak/housecall-realm.json is missing from the classpath");
            }
            Files.copy(in, target);
        }
    }

    static void deleteTree(Path dir) throws IOException {
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
