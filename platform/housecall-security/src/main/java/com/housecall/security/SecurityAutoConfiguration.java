package com.housecall.security;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Tokens are checked the same way in every service: signature (realm keys, or a fixed development key), expiry,
 * issuer and audience. Realm roles become {@code ROLE_<role>} authorities.
 */
// servlet services only: the reactive gateway shares TokenChecks and SecurityProperties without the web stack
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@AutoConfiguration(beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, Environment environment) {
        NimbusJwtDecoder decoder = TokenChecks.developmentKey(properties, environment)
                .map(key -> NimbusJwtDecoder.withPublicKey(key).build())
                .orElseGet(() -> NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri()).build());
        decoder.setJwtValidator(TokenChecks.validator(properties));
        return decoder;
    }

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Caller.realmRoles(jwt).stream()
                .map(role -> (org.springframework.security.core.GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList());
        return converter;
    }

    @Bean
    com.housecall.security.problem.ApiProblemAdvice apiProblemAdvice() {
        return new com.housecall.security.problem.ApiProblemAdvice();
    }

    @Bean
    com.housecall.security.problem.ProblemTypes problemTypes() {
        return new com.housecall.security.problem.ProblemTypes();
    }

    /** The actuator moved to the management port: its health stays on the service port too. */
    @Bean
    @ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
    ServicePortHealth servicePortHealth(HealthEndpoint health, HttpCodeStatusMapper codes) {
        return new ServicePortHealth(health, codes);
    }

    @Bean
    HousecallSecurity housecallSecurity(JwtAuthenticationConverter jwtAuthenticationConverter) {
        return new HousecallSecurity(jwtAuthenticationConverter);
    }
}
