package com.housecall.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.gateway.GatewayProperties.RateLimitStoreKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class MinuteRateLimiterTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T09:15:45Z"));
    private final MinuteRateLimiter limiter = new MinuteRateLimiter(new MemoryRateLimitStore(clock), clock, "t:");

    @Test
    void theWindowIsTheCalendarMinuteAndTheNextOneStartsAfresh() {
        IntStream.rangeClosed(1, 60).forEach(call ->
                assertThat(limiter.acquire("clinic-a", 60).block().allowed()).isTrue());

        MinuteRateLimiter.Decision refused = limiter.acquire("clinic-a", 60).block();
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(15);
        assertThat(refused.remaining()).isZero();

        clock.advance(Duration.ofSeconds(15));
        MinuteRateLimiter.Decision nextMinute = limiter.acquire("clinic-a", 60).block();
        assertThat(nextMinute.allowed()).isTrue();
        assertThat(nextMinute.remaining()).isEqualTo(59);
    }

    @Test
    void eachClinicHasItsOwnCounter() {
        IntStream.rangeClosed(1, 61).forEach(call -> limiter.acquire("clinic-a", 60).block());

        assertThat(limiter.acquire("clinic-b", 60).block().allowed()).isTrue();
    }

    @Test
    void redisIsUsedWhenConfiguredAndMemoryOtherwise() {
        assertThat(RateLimitConfiguration.storeKind(null, new MockEnvironment())).isEqualTo(RateLimitStoreKind.MEMORY);
        assertThat(RateLimitConfiguration.storeKind(null,
                new MockEnvironment().withProperty("spring.data.redis.host", "redis"))).isEqualTo(RateLimitStoreKind.REDIS);
        assertThat(RateLimitConfiguration.storeKind(null,
                new MockEnvironment().withProperty("spring.data.redis.url", "redis://redis:6379")))
                .isEqualTo(RateLimitStoreKind.REDIS);
        assertThat(RateLimitConfiguration.storeKind(RateLimitStoreKind.MEMORY,
                new MockEnvironment().withProperty("spring.data.redis.host", "redis"))).isEqualTo(RateLimitStoreKind.MEMORY);
    }
}
