package com.housecall.localstack.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of a service or the gateway: sized for ten JVMs on a small machine (local-stack README, "Start-up
 * and footprint", has the measurements), then {@code HOUSECALL_JAVA_OPTS}, whose options come later and so win.
 */
final class JvmOptions {

    private JvmOptions() {
    }

    static List<String> of(Part app, Settings settings) {
        List<String> options = new ArrayList<>(List.of(
                // one collector thread and no remembered sets: the heaps are small and the machine has few cores
                "-XX:+UseSerialGC",
                // the initial heap would be 1/64 of the machine's memory, all of it committed at once
                "-Xms32m",
                "-Xmx" + maxHeap(app)));
        String extra = settings.get("HOUSECALL_JAVA_OPTS", "");
        if (!extra.isBlank()) {
            options.addAll(List.of(extra.strip().split("\\s+")));
        }
        return options;
    }

    /** Live after {@code bench --short}: booking 73 MB, notification 54, gateway 31 (README). */
    private static String maxHeap(Part app) {
        return app == Part.BOOKING ? "192m" : "128m";
    }
}
