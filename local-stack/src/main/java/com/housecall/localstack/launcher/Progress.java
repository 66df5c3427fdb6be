package com.housecall.localstack.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** The one line per part that {@code up} prints, and small timing helpers. */
final class Progress {

    private Progress() {
    }

    static String pad(String name) {
        return String.format("%-21s", name);
    }

    /** What follows the part's name once it is healthy: {@code "up in   5.2 s   127.0.0.1:9092 ..."} */
    static String upIn(Duration took, String address) {
        return String.format(Locale.ROOT, "up in %5.1f s   ", took.toMillis() / 1000.0) + address;
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
    }

    /** The 1, 5 and 15 minute load averages of {@code /proc/loadavg}, else the JVM's 1 minute one. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return String.join(" ", Arrays.asList(fields).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** A poll interval; an interrupt (Ctrl-C during a start) ends the wait early. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
