package com.housecall.messaging.testapp;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link TestApp} in a JVM of its own, so a test can kill it with SIGKILL: no shutdown hook, no goodbye to the
 * broker. Its settings are its command-line arguments; its output goes to {@code target/<name>.log}.
 */
public final class TestAppProcess {

    private TestAppProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        TestApps.start(Map.of(), args);
        Thread.currentThread().join(); // until killed
    }

    public static Process start(String name, Map<String, Object> settings) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                TestAppProcess.class.getName()));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(new File("target", name + ".log")).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
