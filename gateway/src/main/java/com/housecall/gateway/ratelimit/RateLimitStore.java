package com.housecall.gateway.ratelimit;

import java.time.Duration;
import reactor.core.publisher.Mono;

/** Counters of fixed windows: one key per client and minute. */
interface RateLimitStore {

    /** Adds one to the window's counter, which is forgotten {@code ttl} after it was created; the new count. */
    Mono<Long> increment(String key, Duration ttl);
}
