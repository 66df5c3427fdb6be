package com.housecall.localstack.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the apps to start when a jar is missing or older than its sources, or always with {@code --rebuild}. Tests
 * are neither compiled nor run (that is {@code ./mvnw verify}'s job: test code being edited must not stop the
 * platform from starting), and Maven packages in the reactor rather than installing into the shared local
 * repository.
 */
final class Build {

    private final Settings settings;

    Build(Settings settings) {
        this.settings = settings;
    }

    Path jar(Part app) {
        return settings.root().resolve(app.module()).resolve("target").resolve(app.module() + ".jar");
    }

    /** Stale when its main sources, its pom, the root pom or a platform library it ships (sources, pom) is newer. */
    boolean stale(Part app) {
        Path jar = jar(app);
        if (!Files.isRegularFile(jar)) {
            return true;
        }
        try {
            FileTime built = Files.getLastModifiedTime(jar);
            List<Path> sources = new ArrayList<>(List.of(settings.root().resolve(app.module()).resolve("src/main"),
                    settings.root().resolve(app.module()).resolve("pom.xml"), settings.root().resolve("pom.xml")));
            try (Stream<Path> libraries = Files.list(settings.root().resolve("platform"))) {
                // test support is never in an app's jar
                libraries.filter(lib -> !lib.endsWith("housecall-test-support")).forEach(lib -> {
                    sources.add(lib.resolve("src/main"));
                    sources.add(lib.resolve("pom.xml"));
                });
            }
            for (Path source : sources) {
                if (newerThan(source, built)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean newerThan(Path source, FileTime built) throws IOException {
        if (!Files.exists(source)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(source)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).compareTo(built) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    void ifNeeded(List<Part> apps, boolean rebuild, PrintStream out) {
        List<String> modules = apps.stream().filter(a -> rebuild || stale(a)).map(Part::module).toList();
        if (modules.isEmpty()) {
            return;
        }
        for (String module : modules) {
            // Unlinked, not overwritten: a running part keeps its own copy, and Spring Boot repackages afresh
            // (it does not repackage a jar it already repackaged, which would keep old platform libraries).
            Path target = settings.root().resolve(module).resolve("target");
            Processes.delete(target.resolve(module + ".jar"));
            Processes.delete(target.resolve(module + ".jar.original"));
        }
        String list = String.join(",", modules);
        List<String> command = List.of("sh", settings.root().resolve("mvnw").toString(), "-q",
                "-Dmaven.test.skip=true", "package", "-pl", list, "-am");
        out.println("  building " + list + " (" + String.join(" ", command.subList(2, command.size())) + ") ...");
        ProcessBuilder builder = new ProcessBuilder(command).directory(settings.root().toFile()).inheritIO();
        builder.environment().put("JAVA_HOME", settings.javaHome().toString());
        try {
            if (builder.start().waitFor() != 0) {
                throw new LaunchException("build failed");
            }
        } catch (IOException e) {
            throw new LaunchException("could not run Maven: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("build interrupted");
        }
        for (String module : modules) {
            if (!Files.isRegularFile(settings.root().resolve(module).resolve("target").resolve(module + ".jar"))) {
                throw new LaunchException("no " + module + "/target/" + module + ".jar after the build: its pom needs"
                        + " <finalName>${project.artifactId}</finalName>");
            }
        }
    }
}
