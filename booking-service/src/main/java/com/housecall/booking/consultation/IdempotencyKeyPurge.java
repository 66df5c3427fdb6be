package com.housecall.booking.consultation;

import com.housecall.messaging.BatchPoller;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Forgets Idempotency-Keys after their 24 h, every few minutes. */
@Component
class IdempotencyKeyPurge extends BatchPoller {

    private final IdempotentSubmissions submissions;

    IdempotencyKeyPurge(IdempotentSubmissions submissions) {
        super("idempotency-key-purge", Duration.ofMinutes(5), Integer.MAX_VALUE, true);
        this.submissions = submissions;
    }

    @Override
    protected int runBatch() {
        return submissions.purgeExpired();
    }
}
