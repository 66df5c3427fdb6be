package com.housecall.dispatch.visit;

import com.housecall.dispatch.DispatchProperties;
import com.housecall.messaging.BatchPoller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The late-nurse timer (CLINICAL-RULES.md section 3): a visit still SCHEDULED 30 minutes before its start, for an
 * assignment made before then, is taken from its nurse and dispatched again; {@code visit.declined} with reason
 * {@code LATE_NURSE} tells operators. Due times live in the visit rows, so a restart loses nothing; the time comes
 * from the injected {@link Clock}.
 */
@Component
class LateNurseTimer extends BatchPoller {

    static final int BATCH_SIZE = 20;

    private final Visits visits;
    private final Dispatcher dispatcher;
    private final Clock clock;
    private final AtomicLong batches = new AtomicLong();

    LateNurseTimer(Visits visits, Dispatcher dispatcher, Clock clock, DispatchProperties properties) {
        super("late-nurse-timer", properties.lateNursePollInterval(), BATCH_SIZE, true);
        this.visits = visits;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** Each visit in its own transaction: one that fails does not hold back the others. */
    @Override
    protected int runBatch() {
        List<UUID> due = visits.late(Instant.now(clock), BATCH_SIZE);
        due.forEach(dispatcher::releaseIfLate);
        batches.incrementAndGet();
        return due.size();
    }

    /** How many batches have run to the end: a test waits for the next ones instead of for time. */
    long batches() {
        return batches.get();
    }
}
