package com.housecall.faults;

import java.time.Duration;
import java.util.List;

/** One fault of a scenario, in the scenario's order: before the load, during it, once it is terminal, then checks. */
interface Fault {

    /** How the fault went: how long the process took to exit, and to be healthy again (null when not a restart). */
    record Timing(Duration exited, Duration restarted) {

        static final Timing NONE = new Timing(null, null);

        String json() {
            return "{\"exitedMs\": %s, \"restartedMs\": %s}".formatted(millis(exited), millis(restarted));
        }

        private static String millis(Duration d) {
            return d == null ? "null" : Long.toString(d.toMillis());
        }
    }

    /** Before the first referral of the scenario. */
    default void beforeLoad() throws Exception {
    }

    /** Ten seconds into the load; returns once the fault is over (the process healthy again, the database open). */
    Timing inject() throws Exception;

    /** Once every accepted consultation reached a terminal status, before waiting for the rest to drain. */
    default void afterTerminal() throws Exception {
    }

    /** True when the fault means to put records in dead-letter topics, and checks them itself. */
    default boolean deadLetters() {
        return false;
    }

    /** The fault's own checks once all has drained: violations, one line each. */
    default List<String> check() throws Exception {
        return List.of();
    }
}
