package com.housecall.notification;

import com.housecall.security.HousecallSecurity;
import com.housecall.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Operators read notifications; the Twilio webhooks (signature-checked) come with the SMS work. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, HousecallSecurity security) throws Exception {
        return security.filterChain(http, routes -> routes
                .requestMatchers("/api/notifications", "/api/notifications/**").hasRole(Roles.OPERATOR));
    }
}
