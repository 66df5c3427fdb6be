package com.housecall.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention          how long events stay for resume and timelines (CONTRACT.md: at least 24 hours)
 * @param streamPollInterval how often connected streams look for new events
 * @param heartbeat          an SSE comment this often keeps idle streams open and finds closed ones
 * @param browserIssuer      the Keycloak realm the /ops/ page logs in with
 * @param clientId           the page's public client
 * @param maxStreamsPerOperator event streams one operator may hold at once (the page opens two); a newer one ends
 *                           the oldest
 */
@ConfigurationProperties("housecall.console")
public record ConsoleProperties(
        @DefaultValue("48h") Duration retention,
        @DefaultValue("100ms") Duration streamPollInterval,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("http://localhost:8180/realms/housecall") String browserIssuer,
        @DefaultValue("housecall-ops") String clientId,
        @DefaultValue("6") int maxStreamsPerOperator) {

    public ConsoleProperties {
        if (retention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("housecall.console.retention must be at least 24h");
        }
    }
}
