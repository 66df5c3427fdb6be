package com.housecall.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Set;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import tools.jackson.databind.JsonNode;

/**
 * A service's document at {@code springdoc.api-docs.path} (each service names it
 * {@code /api-docs/openapi/<name>}, the path the gateway forwards unchanged): OpenAPI 3.1, {@code /api/**} routes
 * only, with the shared parts declared here. Defaults are in {@code housecall-openapi.properties}.
 */
@AutoConfiguration
@PropertySource("classpath:housecall-openapi.properties")
public class ApiDocsAutoConfiguration {

    static {
        // a JSON tree is an object to the client, not Jackson's node class (which springdoc cannot read; nor
        // ObjectNode, whose two setAll setters stop its model reader: declare JsonNode in answers)
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new JsonSchema().types(Set.of("object")));
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI housecallOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "service");
        String gateway = environment.getProperty("housecall.web.base-url", "http://localhost:8080");
        return new OpenAPI()
                .info(new Info().title("Housecall " + name).version("v1").description("""
                        The routes %s serves behind the gateway. Every route needs a bearer token from the Keycloak \
                        realm `housecall` (`./bin/housecall token <user>` prints one) unless it says otherwise; its \
                        realm roles are listed on each route. Errors are `application/problem+json` (RFC 9457).\
                        """.formatted(name)))
                .servers(List.of(new Server().url(gateway).description("The gateway: the only way in for clients")))
                .components(new Components().addSecuritySchemes(RouteRoles.BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("Access token of the realm `housecall`, audience `housecall-api`; each route "
                                + "lists the realm roles it admits.")));
    }

    @Bean
    RouteRoles housecallRouteRoles() {
        return new RouteRoles();
    }

    @Bean
    ErrorResponses housecallErrorResponses() {
        return new ErrorResponses();
    }

    /**
     * The document itself needs no token (CONTRACT.md section 13): only its JSON path is open, ahead of the
     * service's own chain, which keeps every other rule.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain apiDocument(HttpSecurity http, Environment environment) throws Exception {
        String path = environment.getRequiredProperty("springdoc.api-docs.path");
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .build();
    }
}
