package com.housecall.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many API requests a service handles at once ({@link ApiConcurrencyLimit}).
 *
 * @param maxConcurrent at most this many {@code /api/**} requests at a time: below the database pool (Hikari's 10),
 *                      so that the event consumers, the outbox relay and the timers always find a connection
 * @param maxWait       a request that waits longer for its turn is answered 503 with {@code Retry-After}
 */
@ConfigurationProperties("housecall.http")
public record ApiConcurrency(@DefaultValue("6") int maxConcurrent, @DefaultValue("2s") Duration maxWait) {

    public ApiConcurrency {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("housecall.http.max-concurrent must be at least 1");
        }
    }
}
