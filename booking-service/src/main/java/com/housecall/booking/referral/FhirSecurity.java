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
 * {@code /api/fhir/**} (DECISIONS 3): partner clinics only, the same bearer-token checks as the rest of the service,
 * 401 and 403 as {@code OperationOutcome}s. The CapabilityStatement and the SMART configuration need no token.
 */
@Configuration(proxyBeanMethods = false)
class FhirSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain fhirApi(HttpSecurity http, JwtAuthenticationConverter roles, OperationOutcomes outcomes)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            outcomes.write(response, 401, "A valid bearer token from the housecall realm is required.");
        };
        AccessDeniedHandler forbidden = (request, response, exception) ->
                outcomes.write(response, 403, "Your role may not use this endpoint.");
        http.securityMatcher(FhirServer.BASE, FhirServer.BASE + "/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, FhirServer.BASE + "/metadata",
                                FhirServer.BASE + SmartConfiguration.PATH).permitAll()
                        .anyRequest().hasRole(Roles.CLINIC))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden));
        return http.build();
    }
}
