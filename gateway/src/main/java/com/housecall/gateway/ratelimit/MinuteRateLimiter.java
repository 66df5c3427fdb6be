package com.housecall.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** A fixed window per caller and calendar minute (UTC): {@code limit} calls, then 429 until the next minute. */
final class MinuteRateLimiter {

    record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
    }

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimitStore store;
    private final Clock clock;
    private final String keyPrefix;

    MinuteRateLimiter(RateLimitStore store, Clock clock, String keyPrefix) {
        this.store = store;
        this.clock = clock;
        this.keyPrefix = keyPrefix;
    }

    /** {@code caller}: whom the calls are counted for, e.g. {@code clinic:clinic-a} or {@code patient:<sub>}. */
    Mono<Decision> acquire(String caller, int limit) {
        Instant now = clock.instant();
        long windowIndex = now.getEpochSecond() / WINDOW.toSeconds();
        long windowEnd = (windowIndex + 1) * WINDOW.toSeconds();
        long retryAfter = Math.max(1, windowEnd - now.getEpochSecond());
        // kept a little past the window so a slow clock on another instance still finds it
        return store.increment(keyPrefix + caller + ":" + windowIndex, WINDOW.multipliedBy(2))
                .map(count -> new Decision(count <= limit, limit, Math.max(0, limit - count), retryAfter));
    }
}
