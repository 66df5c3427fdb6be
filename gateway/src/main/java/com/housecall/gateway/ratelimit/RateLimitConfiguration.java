package com.housecall.gateway.ratelimit;

import com.housecall.gateway.GatewayProperties;
import com.housecall.gateway.GatewayProperties.RateLimitStoreKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Which store counts the clinics' and patients' calls: {@code housecall.gateway.rate-limit-store} when set;
 * otherwise Redis when the gateway is given one ({@code spring.data.redis.host} or {@code spring.data.redis.url},
 * e.g. via {@code SPRING_DATA_REDIS_HOST}), memory when not.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    MinuteRateLimiter minuteRateLimiter(GatewayProperties properties, Environment environment,
            ObjectProvider<ReactiveStringRedisTemplate> redis, ObjectProvider<Clock> clocks) {
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        RateLimitStore memory = new MemoryRateLimitStore(clock);
        RateLimitStoreKind kind = storeKind(properties.rateLimitStore(), environment);
        RateLimitStore store = memory;
        if (kind == RateLimitStoreKind.REDIS) {
            ReactiveStringRedisTemplate template = redis.getIfAvailable();
            if (template == null) {
                throw new IllegalStateException("housecall.gateway.rate-limit-store is redis but no Redis is configured");
            }
            store = new RedisRateLimitStore(template, memory, Duration.ofMillis(500));
        }
        log.info("Partner clinics: {} requests a minute per client, patients {} per account, counted in {}",
                properties.clinicRateLimit(), properties.patientRateLimit(), kind.name().toLowerCase(Locale.ROOT));
        return new MinuteRateLimiter(store, clock, properties.rateLimitKeyPrefix());
    }

    @Bean
    CallerRateLimitFilter callerRateLimitFilter(MinuteRateLimiter limiter, GatewayProperties properties) {
        return new CallerRateLimitFilter(limiter, properties.clinicRateLimit(), properties.patientRateLimit());
    }

    static RateLimitStoreKind storeKind(@Nullable RateLimitStoreKind configured,
            Environment environment) {
        if (configured != null) {
            return configured;
        }
        return environment.containsProperty("spring.data.redis.host")
                || environment.containsProperty("spring.data.redis.url")
                ? RateLimitStoreKind.REDIS : RateLimitStoreKind.MEMORY;
    }
}
