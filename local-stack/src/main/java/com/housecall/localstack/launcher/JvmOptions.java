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
        String extra = settings.get("HOUSECALL_JAVA_OPTS", "");
        List<String> overrides = extra.isBlank() ? List.of() : List.of(extra.strip().split("\\s+"));
        List<String> options = new ArrayList<>();
        // a second collector would stop the JVM ("Multiple garbage collectors selected"): the one asked for wins
        if (overrides.stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
            options.add("-XX:+UseSerialGC"); // one collector thread, under 1 MB of its own: the heaps are small
        }
        // the initial heap would be 1/64 of the machine's memory, all of it committed at once
        options.add("-Xms32m");
        options.add("-Xmx" + maxHeap(app));
        // C1 only: ten JVMs on two cores spent a third of their CPU in C2 for their first minutes under load, a
        // restart each time again; C1's code was as fast here (local-stack README, "The JIT")
        options.add("-XX:TieredStopAtLevel=1");
        options.addAll(overrides);
        return options;
    }

    /** Live after {@code bench --short}: booking 73 MB, notification 54, gateway 31 (README). */
    private static String maxHeap(Part app) {
        return app.first() == Part.BOOKING ? "192m" : "128m"; // a second instance: the first's options
    }
}
