package com.housecall.benchmarks;

import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/** Fixed arrival times: the n-th send is due at n / rate seconds from the start, however the earlier ones went. */
final class Schedule {

    private Schedule() {
    }

    static void atRate(double rate, int count, IntConsumer send) {
        long start = System.nanoTime();
        for (int n = 0; n < count; n++) {
            long due = start + (long) (n * 1e9 / rate);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            send.accept(n);
        }
    }
}
