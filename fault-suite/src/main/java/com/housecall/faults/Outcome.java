package com.housecall.faults;

import com.housecall.benchmarks.Pipeline;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One scenario's result. Times are from the first referral: the fault began and ended (for a restart, ended is
 * when {@code up} saw it healthy again), and the platform drained (-1: it did not). Recovery is drained less ended;
 * the longest stall is the longest time after the fault began with no consultation reaching a terminal status;
 * resumed is from the fault's end to the next consultation reaching one (the pipeline flowing again: DECISIONS 28
 * times recovery from the restarted instance's readiness; the drain after it is mostly the load's backlog).
 */
record Outcome(String name, Pipeline.Result load, Fault.Timing timing, long affected, long faultBeganNanos,
               long faultEndedNanos, long drainedNanos, long longestStallNanos, long resumedNanos,
               List<String> violations) {

    double recoverySeconds() {
        return drainedNanos < 0 ? -1 : Math.max(0, drainedNanos - faultEndedNanos) / 1e9;
    }

    String line() {
        String retried = load.retried().isEmpty() ? "nothing" : load.retried().toString();
        String drained = drainedNanos < 0 ? "never drained" : "drained at %.1f s, %.1f s after the fault"
                .formatted(drainedNanos / 1e9, recoverySeconds());
        String verdict = violations.isEmpty() ? "all invariants hold" : violations.size() + " VIOLATIONS";
        return ("faults: %s: %d/%d accepted (retried after %s), %d terminal (%d confirmed), %d affected, %s; "
                + "fault at %.1f s, over at %.1f s; longest stall %.1f s; flowing again %.1f s after; %s; %s")
                .formatted(name, load.accepted(), load.sent(), retried, load.terminal(), load.confirmed(), affected,
                        load.latencies().summary(), faultBeganNanos / 1e9, faultEndedNanos / 1e9,
                        longestStallNanos / 1e9, resumedNanos < 0 ? -1 : resumedNanos / 1e9, drained, verdict);
    }

    String json() {
        return ("{\"scenario\": \"%s\", \"load\": %s, \"fault\": %s, \"affected\": %d, \"faultBeganMs\": %d, "
                + "\"faultEndedMs\": %d, \"longestStallMs\": %d, \"resumedAfterMs\": %d, \"drainedMs\": %d, "
                + "\"recoverySeconds\": %.1f, \"violations\": [%s]}").formatted(name, load.json(), timing.json(),
                affected,
                faultBeganNanos / 1_000_000, faultEndedNanos / 1_000_000, longestStallNanos / 1_000_000,
                resumedNanos < 0 ? -1 : resumedNanos / 1_000_000,
                drainedNanos < 0 ? -1 : drainedNanos / 1_000_000, recoverySeconds(),
                violations.stream().map(Outcome::quoted).collect(Collectors.joining(", ")));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
