package com.housecall.localstack.launcher;

import com.housecall.localstack.keycloak.KeycloakDistribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's AOT cache of each app (JEP 483/514: classes loaded and linked, method profiles), under
 * {@code .housecall/aot/<part>/}: the jar extracted into {@code app/} (the cache only applies to plain jars on the
 * class path, not to the jars nested in a Spring Boot jar) and {@code <part>.aot}, written by a training run that
 * stops once the context is refreshed ({@code -Dspring.context.exit=onRefresh}, before any listener or server
 * starts). Made again when missing, older than the jar, or trained with other JVM options; used when present. A
 * cache the JVM cannot use (truncated, another JDK) it only warns about and starts without, and a failed training
 * run leaves the app to start from its jar: the cache can make a start faster, never stop one.
 * {@code HOUSECALL_AOT_CACHE=off} starts every app from its jar.
 */
final class AotCache {

    /** Whether an app's cache can be used as it is. */
    enum State { MISSING, STALE, PRESENT }

    private final Settings settings;

    AotCache(Settings settings) {
        this.settings = settings;
    }

    boolean enabled() {
        return !"off".equalsIgnoreCase(settings.get("HOUSECALL_AOT_CACHE", "on"));
    }

    Path directory(Part app) {
        return settings.state().resolve("aot").resolve(app.id());
    }

    Path cache(Part app) {
        return directory(app).resolve(app.id() + ".aot");
    }

    /** The JVM options the cache was trained with, one a line: other options make it stale. */
    Path trainedOptions(Part app) {
        return directory(app).resolve(app.id() + ".aot.options");
    }

    Path extractedJar(Part app) {
        return directory(app).resolve("app").resolve(app.id() + ".jar");
    }

    State state(Part app, Path jar, List<String> options) {
        Path cache = cache(app);
        if (!Files.isRegularFile(cache) || !Files.isRegularFile(extractedJar(app))) {
            return State.MISSING;
        }
        try {
            boolean olderThanJar = Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) < 0;
            boolean sameOptions = Files.isRegularFile(trainedOptions(app))
                    && Files.readAllLines(trainedOptions(app)).equals(options);
            return olderThanJar || !sameOptions ? State.STALE : State.PRESENT;
        } catch (IOException e) {
            return State.STALE;
        }
    }

    /** What follows the JVM options on the app's command line: the cache and the extracted jar when usable. */
    List<String> launch(Part app, Path jar, List<String> options) {
        if (enabled() && state(app, jar, options) == State.PRESENT) {
            return List.of("-XX:AOTCache=" + cache(app), "-jar", extractedJar(app).toString());
        }
        return List.of("-jar", jar.toString());
    }

    /** Nothing to do (disabled, or present), else the app is extracted and trained afresh. */
    boolean needsTraining(Part app, Path jar, List<String> options) {
        return enabled() && state(app, jar, options) != State.PRESENT;
    }

    /**
     * Extracts the jar and runs the training with the app's options and environment, its output appended to
     * {@code log}; the cache is renamed into place only when the run succeeds. Returns why it failed, or null.
     */
    String train(Part app, Path jar, List<String> options, Map<String, String> env, Path log) {
        Path dir = directory(app);
        Path partial = dir.resolve(app.id() + ".aot.partial");
        try {
            KeycloakDistribution.deleteTree(dir);
            Files.createDirectories(dir);
            String failed = run(List.of(settings.java().toString(), "-Djarmode=tools", "-jar", jar.toString(),
                    "extract", "--destination", extractedJar(app).getParent().toString()), Map.of(), log);
            if (failed != null) {
                return "extracting " + jar.getFileName() + " " + failed;
            }
            List<String> training = new ArrayList<>(List.of(settings.java().toString()));
            training.addAll(options);
            training.addAll(List.of("-XX:AOTCacheOutput=" + partial, "-Dspring.context.exit=onRefresh",
                    "-jar", extractedJar(app).toString()));
            failed = run(training, env, log);
            if (failed != null || !Files.isRegularFile(partial)) {
                return "the training run " + (failed == null ? "wrote no cache" : failed);
            }
            Files.write(trainedOptions(app), options);
            Files.move(partial, cache(app), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private String run(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(settings.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(settings.startTimeout().toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "took over " + settings.startTimeout().toSeconds() + " s (HOUSECALL_START_TIMEOUT)";
            }
            return process.exitValue() == 0 ? null : "exited with " + process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly(); // Ctrl-C during up: no training run outlives the launcher
            Thread.currentThread().interrupt();
            return "was interrupted";
        }
    }
}
