package com.housecall.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A job that works through a table in batches on one thread, at a fixed delay, while the application runs:
 * the outbox relay, the notification sender, timers. A full batch is followed at once by the next; a failure is
 * logged without its message (it may quote data) and retried on the next tick. Stopping ends the tick after its
 * current batch: a sender with a backlog of provider calls would otherwise keep the process up to the 30 s wait
 * below, and then run on while the data source closes under it (notification-service took 34 s to exit on SIGTERM
 * under load). What is left stays in its table for the next start or another instance.
 */
public abstract class BatchPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BatchPoller.class);

    private final String name;
    private final Duration interval;
    private final int batchSize;
    private final boolean enabled;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private volatile boolean stopping;

    protected BatchPoller(String name, Duration interval, int batchSize, boolean enabled) {
        this.name = name;
        this.interval = interval;
        this.batchSize = batchSize;
        this.enabled = enabled;
    }

    /** Handles up to {@code batchSize} items; answers how many it handled. */
    protected abstract int runBatch();

    protected int batchSize() {
        return batchSize;
    }

    /** True for a poller whose whole backlog should still go out when the application stops. */
    protected boolean finishesBacklogOnStop() {
        return false;
    }

    private void tick() {
        try {
            while (runBatch() == batchSize && (!stopping || finishesBacklogOnStop())) {
                // a full batch: more may be waiting
            }
        } catch (RuntimeException e) {
            log.warn("{} failed, will retry: {} [{}]", name, FailureReason.of(e), FailureReason.types(e));
        }
    }

    /**
     * Runs a tick now rather than at the next interval (the outbox relay after a commit that appended events);
     * wakes that come while one is pending are one tick. Does nothing while stopped.
     */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && wakePending.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    wakePending.set(false);
                    tick();
                });
            } catch (RejectedExecutionException e) {
                wakePending.set(false); // stopping: the last tick sends what is left
            }
        }
    }

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        stopping = false;
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        executor.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        stopping = true;
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Stops before the Kafka producer and the data source go away; the outbox relay stops last of these. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }
}
