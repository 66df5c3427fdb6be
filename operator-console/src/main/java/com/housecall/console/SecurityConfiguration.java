package com.housecall.console;

import com.housecall.security.HousecallSecurity;
import com.housecall.security.Roles;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * {@code /api/ops/**} is for operators only (CONTRACT.md section 2). The page under {@code /ops/} and its
 * {@code config.json} are public: the page logs in itself and calls the API with a bearer token. Every answer
 * carries a Content-Security-Policy: the page's own scripts and styles only, calls to itself and to the realm.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, HousecallSecurity security,
                                            ConsoleProperties properties) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties.browserIssuer())))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
        return security.filterChain(http, routes -> routes
                // the end of an event stream is an async dispatch of a request already authorized
                .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                .requestMatchers("/ops", "/ops/", "/ops/**").permitAll()
                .requestMatchers("/api/ops/**").hasRole(Roles.OPERATOR));
    }

    static String contentSecurityPolicy(String browserIssuer) {
        URI issuer = URI.create(browserIssuer);
        String realmOrigin = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; connect-src 'self' " + realmOrigin + "; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'none'; frame-ancestors 'none'; form-action 'self' " + realmOrigin;
    }
}
