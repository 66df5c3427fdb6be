package com.housecall.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    private static final long FAR = System.nanoTime() + Duration.ofMinutes(1).toNanos();

    @Test
    void pollsUntilTheHealthCheckPasses() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        Await.healthy(ProcessHandle.current(), ProcessHandle::isAlive, () -> calls.incrementAndGet() == 3, FAR, "");

        assertThat(calls).hasValue(3);
    }

    @Test
    void aProcessThatDiesFailsAtOnceInsteadOfWaitingForTheDeadline() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long began = System.nanoTime();

        assertThatThrownBy(() -> Await.healthy(gone.toHandle(), ProcessHandle::isAlive, () -> false, FAR, ""))
                .isInstanceOf(Await.StartFailure.class).hasMessage("exited during start");
        assertThat(Progress.since(began)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theDeadlineFailsNamingTheTimeoutToRaise() {
        long soon = System.nanoTime() + Duration.ofMillis(600).toNanos();

        assertThatThrownBy(() -> Await.healthy(ProcessHandle.current(), ProcessHandle::isAlive, () -> false, soon,
                "HOUSECALL_START_TIMEOUT=1"))
                .isInstanceOf(Await.StartFailure.class)
                .hasMessage("not healthy in time (HOUSECALL_START_TIMEOUT=1)");
    }

    @Test
    void healthyButDeadMeansSomeoneElsesServerAnswered() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();

        assertThatThrownBy(() -> Await.healthy(gone.toHandle(), ProcessHandle::isAlive, () -> true, FAR, ""))
                .isInstanceOf(Await.StartFailure.class).hasMessage("exited during start");
    }
}
