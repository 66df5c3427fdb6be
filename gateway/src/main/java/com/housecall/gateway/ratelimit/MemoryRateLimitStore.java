package com.housecall.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/** Counters in this gateway's memory: right for one instance; with several, each counts its own share. */
final class MemoryRateLimitStore implements RateLimitStore {

    private record Window(long expiresAtMillis, AtomicLong count) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    MemoryRateLimitStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Long> increment(String key, Duration ttl) {
        return Mono.fromSupplier(() -> {
            long now = clock.millis();
            Window window = windows.compute(key, (k, existing) -> existing == null || existing.expiresAtMillis() <= now
                    ? new Window(now + ttl.toMillis(), new AtomicLong())
                    : existing);
            long count = window.count().incrementAndGet();
            if (count == 1) {
                forgetExpired(now);
            }
            return count;
        });
    }

    private void forgetExpired(long now) {
        windows.values().removeIf(window -> window.expiresAtMillis() <= now);
    }
}
