package com.housecall.localstack.launcher;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Waits for a started part to become healthy: until its check passes, its process dies, or the deadline. */
final class Await {

    static final Duration POLL = Duration.ofMillis(250);

    /** Why a part did not come up; its message completes "FAILED: &lt;part&gt; ...". */
    static final class StartFailure extends Exception {

        StartFailure(String message) {
            super(message);
        }
    }

    private Await() {
    }

    /**
     * Polls {@code healthy} until it passes; fails when {@code alive} says the process is gone or at
     * {@code deadlineNanos} (of {@link System#nanoTime()}), naming {@code timeoutHint} (the variables to raise).
     */
    static void healthy(ProcessHandle process, Predicate<ProcessHandle> alive, BooleanSupplier healthy,
                        long deadlineNanos, String timeoutHint) throws StartFailure {
        while (!healthy.getAsBoolean()) {
            if (!alive.test(process)) {
                throw new StartFailure("exited during start");
            }
            if (System.nanoTime() - deadlineNanos >= 0) {
                throw new StartFailure("not healthy in time (" + timeoutHint + ")");
            }
            Progress.pause(POLL);
            if (Thread.currentThread().isInterrupted()) {
                throw new StartFailure("interrupted");
            }
        }
        if (!alive.test(process)) {
            // healthy, but someone else's server answered and ours died
            throw new StartFailure("exited during start");
        }
    }
}
