package com.housecall.gateway.security;

import com.housecall.gateway.apidocs.ApiDocs;
import com.housecall.security.SecurityProperties;
import com.housecall.security.TokenChecks;
import com.housecall.gateway.GatewayProperties;
import com.housecall.gateway.problem.ErrorResponses;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Authentication at the edge, the reactive twin of housecall-security: every {@code /api/**} call carries a bearer
 * token whose signature, expiry, issuer and audience check out, except the two Twilio webhooks (their service checks
 * the signature) and the FHIR base's discovery documents. Roles are not checked here: 403 is the services' answer.
 * The Authorization header goes on to the service unchanged.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class EdgeSecurityConfiguration {

    /** Authenticated by their Twilio signature alone (CONTRACT.md sections 2 and 10). */
    static final String[] TWILIO_WEBHOOKS = {"/api/notifications/sms/inbound", "/api/notifications/sms/status"};

    /** The FHIR base's CapabilityStatement and SMART configuration: a partner reads them before it has a token. */
    static final String[] FHIR_DISCOVERY = {"/api/fhir/metadata", "/api/fhir/.well-known/smart-configuration"};

    /** Where to call in a crisis: shown before anyone signs in (DECISIONS 37). */
    static final String CRISIS_RESOURCES = "/api/crisis-resources";

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
            CorsConfigurationSource corsConfigurationSource) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, exception) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            return ErrorResponses.write(exchange, HttpStatus.UNAUTHORIZED,
                    "A valid bearer token from the housecall realm is required.");
        };
        ServerAccessDeniedHandler forbidden = (exchange, exception) ->
                ErrorResponses.write(exchange, HttpStatus.FORBIDDEN, "Your role may not use this endpoint.");
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> cors.configurationSource(corsConfigurationSource))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, TWILIO_WEBHOOKS).permitAll()
                        .pathMatchers(HttpMethod.GET, CRISIS_RESOURCES).permitAll()
                        // CONTRACT.md section 13: the API documents and their Swagger UI need no token
                        .pathMatchers(HttpMethod.GET, ApiDocs.PATHS).permitAll()
                        .pathMatchers(HttpMethod.GET, FHIR_DISCOVERY).permitAll()
                        .pathMatchers("/api", "/api/**").authenticated()
                        // the console's pages, health: the console's API is under /api/ops
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties properties, Environment environment) {
        NimbusReactiveJwtDecoder decoder = TokenChecks.developmentKey(properties, environment)
                .map(key -> NimbusReactiveJwtDecoder.withPublicKey(key).build())
                .orElseGet(() -> NimbusReactiveJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri()).build());
        decoder.setJwtValidator(TokenChecks.validator(properties));
        return decoder;
    }

    /** Browsers of the allowed origins may call the API with a bearer token; no cookies are involved. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = properties.cors().allowedOrigins();
        if (!origins.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
            cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT,
                    "X-Correlation-Id", "Last-Event-ID"));
            cors.setExposedHeaders(List.of("X-Correlation-Id", HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
            cors.setAllowCredentials(false);
            cors.setMaxAge(Duration.ofHours(1));
            source.registerCorsConfiguration("/**", cors);
        }
        return source;
    }
}
