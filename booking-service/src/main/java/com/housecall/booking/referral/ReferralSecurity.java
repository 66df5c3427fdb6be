package com.housecall.booking.referral;

import com.housecall.security.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * {@code /api/referrals/**} (CONTRACT.md section 2): POST and GET for clinics (their own referrals, checked by the
 * controller), GET for operators, nothing else. Its own filter chain, ahead of the service's: the same stateless
 * bearer-token checks as {@code HousecallSecurity} (the platform's JWT decoder and role converter), but 401 and 403
 * answered as FHIR {@code OperationOutcome}s, since partner clinics speak FHIR.
 */
@Configuration(proxyBeanMethods = false)
class ReferralSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain referralApi(HttpSecurity http, JwtAuthenticationConverter roles, OperationOutcomes outcomes)
            throws Exception {
        partnerChain(http, roles, outcomes)
                .securityMatcher("/api/referrals", "/api/referrals/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, "/api/referrals").hasRole(Roles.CLINIC)
                        .requestMatchers(HttpMethod.GET, "/api/referrals", "/api/referrals/*")
                        .hasAnyRole(Roles.CLINIC, Roles.OPERATOR)
                        .anyRequest().denyAll());
        return http.build();
    }

    /**
     * What every partner route's chain shares: stateless bearer tokens checked with the platform's decoder and role
     * converter, 401 and 403 as OperationOutcomes.
     */
    static HttpSecurity partnerChain(HttpSecurity http, JwtAuthenticationConverter roles, OperationOutcomes outcomes)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            outcomes.write(response, 401, "A valid bearer token from the housecall realm is required.");
        };
        AccessDeniedHandler forbidden = (request, response, exception) ->
                outcomes.write(response, 403, "Your role may not use this endpoint.");
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
    }
}
