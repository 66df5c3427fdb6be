package com.housecall.faults;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Waits for the platform to have nothing left to do: no consumer lag, empty outboxes, no notification due or
 * mid-send, twice in a row a second apart (work moves from an outbox to a topic to a handler's outbox, so one
 * reading of all three at zero could fall between two of them).
 */
final class Drain {

    /** Where the backlog stood when the wait ended. */
    record State(boolean drained, long lag, long outbox, long notifications, long atNanos) {

        String describe() {
            return "consumer lag %d, outbox %d, notifications due or sending %d".formatted(lag, outbox, notifications);
        }
    }

    private final Broker broker;
    private final Databases databases;

    Drain(Broker broker, Databases databases) {
        this.broker = broker;
        this.databases = databases;
    }

    State await(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        State last = null;
        long firstQuiet = -1;
        while (true) {
            State now = read();
            if (now.drained()) {
                if (firstQuiet >= 0) {
                    return new State(true, 0, 0, 0, firstQuiet);
                }
                firstQuiet = now.atNanos();
            } else {
                firstQuiet = -1;
                last = now;
            }
            if (System.nanoTime() > deadline) {
                return last == null ? now : last;
            }
            Thread.sleep(1000); // the harness waiting for the platform, not a test
        }
    }

    private State read() throws InterruptedException {
        long at = System.nanoTime();
        try {
            long lag = broker.lag();
            long outbox = databases.outboxPending();
            long notifications = databases.notificationBacklog();
            return new State(lag == 0 && outbox == 0 && notifications == 0, lag, outbox, notifications, at);
        } catch (SQLException | IllegalStateException e) { // the broker or a database still coming back
            return new State(false, -1, -1, -1, at);
        }
    }
}
