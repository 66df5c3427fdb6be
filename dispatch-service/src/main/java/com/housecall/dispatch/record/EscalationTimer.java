package com.housecall.dispatch.record;

import com.housecall.messaging.BatchPoller;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** Repeats unacknowledged escalations when due and runs the VITALS_OVERDUE rule; due times live in the tables. */
@Component
public class EscalationTimer extends BatchPoller {

    private final Escalations escalations;
    private final VitalsOverdue overdue;
    private final AtomicLong batches = new AtomicLong();

    EscalationTimer(Escalations escalations, VitalsOverdue overdue, VisitRecordProperties properties) {
        super("visit-escalation-timer", properties.pollInterval(), Escalations.BATCH_SIZE, true);
        this.escalations = escalations;
        this.overdue = overdue;
    }

    @Override
    protected int runBatch() {
        int handled = Math.max(escalations.repeatDue(), overdue.raiseDue());
        batches.incrementAndGet();
        return handled;
    }

    /** How many batches have run to the end: a test waits for the next ones instead of for time. */
    public long batches() {
        return batches.get();
    }
}
