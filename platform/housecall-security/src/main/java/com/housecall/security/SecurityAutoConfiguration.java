package com.housecall.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;

/**
 * Tokens are checked the same way in every service: signature (realm keys, or a fixed development key), expiry,
 * issuer and audience. Realm roles become {@code ROLE_<role>} authorities.
 */
// servlet services only: the reactive gateway shares TokenChecks and SecurityProperties without the web stack
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        // its BasicErrorController steps aside for ours
        "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"})
@EnableConfigurationProperties({SecurityProperties.class, ApiConcurrency.class})
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

    /**
     * A key given twice is refused, not read as its last value ({@code "pregnant": false, "pregnant": true}), and
     * text with control characters is refused ({@link PlainStrings}).
     */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).addModule(PlainStrings.module());
    }

    /** Every service refuses bodies over 64 KiB itself: a service port reached past the gateway is no way round it. */
    @Bean
    @ConditionalOnMissingBean(BodySizeLimit.class)
    BodySizeLimit bodySizeLimit() {
        return new BodySizeLimit();
    }

    @Bean
    com.housecall.security.problem.ProblemErrorController problemErrorController() {
        return new com.housecall.security.problem.ProblemErrorController();
    }

    /** The firewall's refusals ({@code //}, encoded dots, TRACE) as problem+json, written at once: no error dispatch. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> ProblemResponses.write(response, 400, "Bad Request",
                "The request's path or method is refused.");
    }

    @Bean
    com.housecall.security.problem.ProblemTypes problemTypes() {
        return new com.housecall.security.problem.ProblemTypes();
    }

    /** First, so every log line of the request, the security filters' included, has the correlation id. */
    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** The actuator moved to the management port: its health stays on the service port too. */
    @Bean
    @ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
    ServicePortHealth servicePortHealth(HealthEndpoint health, HttpCodeStatusMapper codes) {
        return new ServicePortHealth(health, codes);
    }

    /** At most {@code housecall.http.max-concurrent} API requests at once, the rest refused early with 503. */
    @Bean
    WebMvcConfigurer apiConcurrencyLimit(ApiConcurrency settings, ObjectProvider<MeterRegistry> meters) {
        ApiConcurrencyLimit limit = new ApiConcurrencyLimit(settings, meters.getIfAvailable());
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(limit).addPathPatterns(ApiConcurrencyLimit.PATH);
            }
        };
    }

    @Bean
    HousecallSecurity housecallSecurity(JwtAuthenticationConverter jwtAuthenticationConverter) {
        return new HousecallSecurity(jwtAuthenticationConverter);
    }
}
