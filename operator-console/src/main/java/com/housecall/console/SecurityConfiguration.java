package com.housecall.console;

import com.housecall.security.HousecallSecurity;
import com.housecall.security.Roles;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /api/ops/**} is for operators only (CONTRACT.md section 2). The page under {@code /ops/} and its
 * {@code config.json} are public: the page logs in itself and calls the API with a bearer token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, HousecallSecurity security) throws Exception {
        return security.filterChain(http, routes -> routes
                // the end of an event stream is an async dispatch of a request already authorized
                .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                .requestMatchers("/ops", "/ops/", "/ops/**").permitAll()
                .requestMatchers("/api/ops/**").hasRole(Roles.OPERATOR));
    }
}
