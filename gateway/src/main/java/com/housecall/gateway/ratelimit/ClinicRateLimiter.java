package com.housecall.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** A fixed window per partner clinic and calendar minute (UTC): {@code limit} calls, then 429 until the next minute. */
final class ClinicRateLimiter {

    record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
    }

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final RateLimitStore store;
    private final Clock clock;
    private final int limit;
    private final String keyPrefix;

    ClinicRateLimiter(RateLimitStore store, Clock clock, int limit, String keyPrefix) {
        this.store = store;
        this.clock = clock;
        this.limit = limit;
        this.keyPrefix = keyPrefix;
    }

    Mono<Decision> acquire(String clientId) {
        Instant now = clock.instant();
        long windowIndex = now.getEpochSecond() / WINDOW.toSeconds();
        long windowEnd = (windowIndex + 1) * WINDOW.toSeconds();
        long retryAfter = Math.max(1, windowEnd - now.getEpochSecond());
        // kept a little past the window so a slow clock on another instance still finds it
        return store.increment(keyPrefix + clientId + ":" + windowIndex, WINDOW.multipliedBy(2))
                .map(count -> new Decision(count <= limit, limit, Math.max(0, limit - count), retryAfter));
    }
}
