package com.housecall.faults;

import com.housecall.benchmarks.Pipeline;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One scenario's result. Times are from the first referral: the fault began and ended (for a restart, ended is
 * when {@code up} saw it healthy again), and the platform drained (-1: it did not). Recovery is drained less ended.
 */
record Outcome(String name, Pipeline.Result load, Fault.Timing timing, long affected, long faultBeganNanos,
               long faultEndedNanos, long drainedNanos, List<String> violations) {

    double recoverySeconds() {
        return drainedNanos < 0 ? -1 : Math.max(0, drainedNanos - faultEndedNanos) / 1e9;
    }

    String line() {
        return ("faults: %s: %d/%d accepted (retried after %s), %d terminal (%d confirmed), %d affected, %s; fault at %.1f s, over at "
                + "%.1f s; drained at %s, %s after the fault; %s").formatted(name, load.accepted(), load.sent(),
                load.retried().isEmpty() ? "nothing" : load.retried(), load.terminal(), load.confirmed(), affected, load.latencies().summary(), faultBeganNanos / 1e9,
                faultEndedNanos / 1e9, drainedNanos < 0 ? "never" : "%.1f s".formatted(drainedNanos / 1e9),
                drainedNanos < 0 ? "n/a" : "%.1f s".formatted(recoverySeconds()),
                violations.isEmpty() ? "all invariants hold" : violations.size() + " VIOLATIONS");
    }

    String json() {
        return ("{\"scenario\": \"%s\", \"load\": %s, \"fault\": %s, \"affected\": %d, \"faultBeganMs\": %d, "
                + "\"faultEndedMs\": %d, \"drainedMs\": %d, \"recoverySeconds\": %.1f, \"violations\": [%s]}")
                .formatted(name, load.json(), timing.json(), affected, faultBeganNanos / 1_000_000,
                        faultEndedNanos / 1_000_000, drainedNanos < 0 ? -1 : drainedNanos / 1_000_000,
                        recoverySeconds(), violations.stream().map(Outcome::quoted).collect(Collectors.joining(", ")));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
