package com.housecall.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Counters in Redis, shared by every gateway instance: INCR, and EXPIRE on a window's first call, in one script so
 * no counter is left without an expiry. When Redis cannot be reached the gateway counts in memory meanwhile (the
 * limit protects the services; it must not take the API down with Redis).
 */
final class RedisRateLimitStore implements RateLimitStore {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimitStore.class);

    private static final RedisScript<Long> INCREMENT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return count""", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final RateLimitStore fallback;
    private final Duration timeout;

    RedisRateLimitStore(ReactiveStringRedisTemplate redis, RateLimitStore fallback, Duration timeout) {
        this.redis = redis;
        this.fallback = fallback;
        this.timeout = timeout;
    }

    @Override
    public Mono<Long> increment(String key, Duration ttl) {
        return redis.execute(INCREMENT, List.of(key), List.of(Long.toString(ttl.toMillis())))
                .next()
                .timeout(timeout)
                .onErrorResume(error -> {
                    log.warn("Redis rate-limit counter unavailable ({}); counting in memory",
                            error.getClass().getSimpleName());
                    return fallback.increment(key, ttl);
                });
    }
}
