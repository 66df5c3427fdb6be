package com.housecall.notification;

import com.housecall.security.HousecallSecurity;
import com.housecall.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Operators read notifications; Twilio's webhooks are open to the network and checked by signature. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, HousecallSecurity security) throws Exception {
        return security.filterChain(http, routes -> routes
                // Twilio's webhooks carry no token: the controller checks X-Twilio-Signature instead
                .requestMatchers(HttpMethod.POST, "/api/notifications/sms/status", "/api/notifications/sms/inbound")
                .permitAll()
                .requestMatchers("/api/notifications", "/api/notifications/**").hasRole(Roles.OPERATOR));
    }
}
