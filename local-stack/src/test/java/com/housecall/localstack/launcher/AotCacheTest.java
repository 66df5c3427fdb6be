package com.housecall.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether an app starts from its AOT cache, decided from the files alone: no JVM is started. */
class AotCacheTest {

    private static final Instant BUILT = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path root;

    private final Map<String, String> env = new HashMap<>();
    private Path jar;

    @BeforeEach
    void builtJar() throws IOException {
        jar = root.resolve("booking-service/target/booking-service.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
    }

    @Test
    void withoutACacheTheAppStartsFromItsJarAndIsTrainedFirst() {
        List<String> options = JvmOptions.of(Part.BOOKING, settings());

        assertDecided(options, AotCache.State.MISSING);
        assertStartsFromTheBuiltJar();
    }

    @Test
    void aCacheTrainedAfterTheBuildWithTheSameOptionsIsUsedWithTheExtractedJar() throws IOException {
        List<String> options = JvmOptions.of(Part.BOOKING, settings());
        trained(options, BUILT.plusSeconds(60));

        assertDecided(options, AotCache.State.PRESENT);
        assertThat(launch().app(Part.BOOKING, jar, false, true).command())
                .containsSequence("-XX:AOTCache=" + cache().cache(Part.BOOKING),
                        "-jar", cache().extractedJar(Part.BOOKING).toString())
                .doesNotContain(jar.toString());
    }

    @Test
    void aCacheOlderThanTheJarIsStaleAndTheAppStartsFromTheNewJar() throws IOException {
        List<String> options = JvmOptions.of(Part.BOOKING, settings());
        trained(options, BUILT.minusSeconds(60));

        assertDecided(options, AotCache.State.STALE);
        assertStartsFromTheBuiltJar();
    }

    @Test
    void otherJavaOptionsMakeTheCacheStale() throws IOException {
        trained(JvmOptions.of(Part.BOOKING, settings()), BUILT.plusSeconds(60));
        env.put("HOUSECALL_JAVA_OPTS", "-Xmx300m");

        assertThat(cache().state(Part.BOOKING, jar, JvmOptions.of(Part.BOOKING, settings())))
                .isEqualTo(AotCache.State.STALE);
    }

    @Test
    void turnedOffEveryAppStartsFromItsJarEvenWithACache() throws IOException {
        List<String> options = JvmOptions.of(Part.BOOKING, settings());
        trained(options, BUILT.plusSeconds(60));
        env.put("HOUSECALL_AOT_CACHE", "off");

        assertThat(cache().needsTraining(Part.BOOKING, jar, options)).isFalse();
        assertStartsFromTheBuiltJar();
    }

    @Test
    void javaOptionsFromTheEnvironmentComeAfterTheDefaultsSoTheyWin() {
        env.put("HOUSECALL_JAVA_OPTS", " -Xmx512m  -XX:+UseG1GC ");

        List<String> options = JvmOptions.of(Part.GATEWAY, settings());

        assertThat(options).endsWith("-Xmx512m", "-XX:+UseG1GC");
        assertThat(launch().app(Part.GATEWAY, jar, false, true).command()).containsSequence(options);
    }

    @Test
    void theSerialCollectorIsTheDefaultUnlessTheEnvironmentNamesAnother() {
        assertThat(JvmOptions.of(Part.GATEWAY, settings())).contains("-XX:+UseSerialGC");

        env.put("HOUSECALL_JAVA_OPTS", "-XX:+UseZGC");

        assertThat(JvmOptions.of(Part.GATEWAY, settings())).doesNotContain("-XX:+UseSerialGC").contains("-XX:+UseZGC");
    }

    /** The state, and a training run for any but a present cache. */
    private void assertDecided(List<String> options, AotCache.State state) {
        assertThat(cache().state(Part.BOOKING, jar, options)).isEqualTo(state);
        assertThat(cache().needsTraining(Part.BOOKING, jar, options)).isEqualTo(state != AotCache.State.PRESENT);
    }

    private void assertStartsFromTheBuiltJar() {
        assertThat(launch().app(Part.BOOKING, jar, false, true).command())
                .containsSequence("-jar", jar.toString())
                .noneMatch(argument -> argument.startsWith("-XX:AOTCache"));
    }

    /** What a training run leaves: the extracted jar, the cache and the options it was trained with. */
    private void trained(List<String> options, Instant at) throws IOException {
        AotCache cache = cache();
        Files.createDirectories(cache.extractedJar(Part.BOOKING).getParent());
        Files.writeString(cache.extractedJar(Part.BOOKING), "extracted");
        Files.write(cache.trainedOptions(Part.BOOKING), options);
        Files.writeString(cache.cache(Part.BOOKING), "cache");
        Files.setLastModifiedTime(cache.cache(Part.BOOKING), FileTime.from(at));
    }

    private Settings settings() {
        return Settings.of(root, env);
    }

    private AotCache cache() {
        return new AotCache(settings());
    }

    private Launch launch() {
        return new Launch(settings(), new Processes(settings()), "");
    }
}
