package com.housecall.localstack.launcher;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Foreground {@code up} after the start: reports a part that dies; Ctrl-C stops everything like {@code down}. */
final class Watch {

    private final Processes processes;
    private final PrintStream out;

    Watch(Processes processes, PrintStream out) {
        this.processes = processes;
        this.out = out;
    }

    /** Returns once {@code down} (here on Ctrl-C, or in another shell) removed every pid file of {@code parts}. */
    int untilStopped(List<Part> parts) {
        out.println("Press Ctrl-C to stop everything.");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List<Part> left = processes.withPidFiles();
            if (!left.isEmpty()) {
                out.println();
                processes.stopInOrder(Plan.stopOrder(left), out);
            }
        }, "housecall-down"));
        Set<Part> reported = new HashSet<>();
        while (true) {
            int left = 0;
            for (Part part : parts) {
                if (!Files.exists(processes.pidFile(part))) {
                    continue; // down removed it
                }
                left++;
                if (processes.running(part).isEmpty() && reported.add(part)) {
                    out.println(part.id() + " stopped unexpectedly: see .housecall/logs/" + part.id() + ".log");
                }
            }
            if (left == 0) {
                out.println("Housecall was stopped.");
                return 0;
            }
            Progress.pause(Duration.ofSeconds(2));
        }
    }
}
