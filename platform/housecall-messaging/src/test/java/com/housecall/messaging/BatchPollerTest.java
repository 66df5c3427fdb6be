package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchPollerTest {

    /** A poller that always finds a full batch waiting: a backlog that never ends while it runs. */
    static class EndlessBacklog extends BatchPoller {

        final AtomicInteger batches = new AtomicInteger();
        final CountDownLatch working = new CountDownLatch(3);
        private final boolean finishes;

        EndlessBacklog(boolean finishes) {
            super("endless", Duration.ofMillis(10), 5, true);
            this.finishes = finishes;
        }

        @Override
        protected int runBatch() {
            batches.incrementAndGet();
            working.countDown();
            return batchSize();
        }

        @Override
        protected boolean finishesBacklogOnStop() {
            return finishes;
        }
    }

    @Test
    void stoppingEndsTheTickAfterItsBatchWhateverIsLeft() throws Exception {
        EndlessBacklog poller = new EndlessBacklog(false);
        poller.start();
        poller.working.await();

        // without the stop between batches, stop() would wait its 30 s and return with the tick still running
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> poller.stop());
        int afterStop = poller.batches.get();

        assertThat(poller.isRunning()).isFalse();
        poller.wake(); // stopped: nothing more runs
        assertThat(poller.batches.get()).isEqualTo(afterStop);
    }

    @Test
    void aPollerThatFinishesItsBacklogKeepsGoingUntilItEnds() throws Exception {
        AtomicInteger left = new AtomicInteger(50);
        CountDownLatch started = new CountDownLatch(1);
        BatchPoller relay = new BatchPoller("finite", Duration.ofMillis(10), 5, true) {
            @Override
            protected int runBatch() {
                started.countDown();
                return Math.min(5, Math.max(0, left.getAndAdd(-5)));
            }

            @Override
            protected boolean finishesBacklogOnStop() {
                return true;
            }
        };
        relay.start();
        started.await();
        relay.stop();

        assertThat(left.get()).as("every batch of the backlog was run before stop returned").isLessThanOrEqualTo(0);
    }
}
