package com.housecall.gateway.problem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * Spring Security's firewall refuses {@code //}, {@code ..}, encoded dots and odd methods before anything else runs;
 * its default answer is an empty 400, this one the contract's problem (issue 21).
 */
@Configuration(proxyBeanMethods = false)
class RejectedExchanges {

    @Bean
    ServerExchangeRejectedHandler problemForRejectedExchanges() {
        return (exchange, rejected) -> ErrorResponses.write(exchange, HttpStatus.BAD_REQUEST,
                "The request's path, method or headers are not allowed.");
    }
}
