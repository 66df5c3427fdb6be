package com.housecall.dispatch;

import com.housecall.security.HousecallSecurity;
import com.housecall.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what; a nurse sees only their own visits (checked in the controller). */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

    @Bean
    SecurityFilterChain api(HttpSecurity http, HousecallSecurity security) throws Exception {
        return security.filterChain(http, routes -> routes
                .requestMatchers(HttpMethod.GET, "/api/nurse/**").hasRole(Roles.NURSE));
    }
}
