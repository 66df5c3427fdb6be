package com.housecall.dispatch;

import com.housecall.security.HousecallSecurity;
import com.housecall.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * CONTRACT.md section 2: nurses call {@code /api/nurse/**} for themselves (ownership checked in the controllers:
 * 404 otherwise), operators edit the roster at {@code /api/nurses}, read a nurse's day and reassign visits;
 * clinicians read visit records and acknowledge their escalations (DECISIONS 3, 37, 47).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    @Bean
    SecurityFilterChain api(HttpSecurity http, HousecallSecurity security) throws Exception {
        return security.filterChain(http, routes -> routes
                .requestMatchers("/api/nurse/**").hasRole(Roles.NURSE)
                .requestMatchers("/api/nurses", "/api/nurses/**").hasRole(Roles.OPERATOR)
                .requestMatchers(HttpMethod.GET, "/api/visits/*/record").hasRole(Roles.CLINICIAN)
                .requestMatchers(HttpMethod.POST, "/api/visits/*/escalation/acknowledge").hasRole(Roles.CLINICIAN)
                .requestMatchers("/api/visits/*/reassign").hasRole(Roles.OPERATOR));
    }
}
