package com.housecall.booking.subscription;

import com.housecall.security.TokenChecks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Development may call back to loopback over http; the production profile never to an internal address. */
@Configuration(proxyBeanMethods = false)
class SubscriptionConfiguration {

    @Bean
    EndpointGuard endpointGuard(Environment environment) {
        return EndpointGuard.of(!environment.matchesProfiles(TokenChecks.PRODUCTION));
    }
}
