package com.housecall.gateway;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import com.housecall.gateway.apidocs.ApiDocs;
import java.net.ConnectException;
import java.time.Duration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The routes of CONTRACT.md: paths are forwarded unchanged. Connect and response timeouts are the gateway's
 * {@code spring.cloud.gateway.server.webflux.httpclient.*} settings (gateway.yml); the operators' event stream has
 * no response timeout. The services' OpenAPI documents are routed like their APIs, without a token.
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

    @Bean
    RouteLocator housecallRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
        GatewayProperties.Targets targets = properties.targets();
        RouteLocatorBuilder.Builder routes = builder.routes()
                .route("booking", route -> route.path("/api/consultations/**", "/api/referrals/**")
                        .filters(GatewayRoutes::common).uri(targets.booking()))
                .route("screening", route -> route.path("/api/screenings/**")
                        .filters(GatewayRoutes::common).uri(targets.screening()))
                .route("dispatch", route -> route.path("/api/nurse/**", "/api/nurses/**", "/api/visits/**")
                        .filters(GatewayRoutes::common).uri(targets.dispatch()))
                .route("notification", route -> route.path("/api/notifications/**")
                        .filters(GatewayRoutes::common).uri(targets.notification()))
                // server-sent events stay open: no response timeout (and before the console's other routes)
                .route("console-events", route -> route.order(-1).path("/api/ops/events")
                        .filters(GatewayRoutes::common).metadata(RESPONSE_TIMEOUT_ATTR, -1).uri(targets.console()))
                .route("console", route -> route.path("/api/ops/**", "/ops", "/ops/**")
                        .filters(GatewayRoutes::common).uri(targets.console()));
        // each service serves its own OpenAPI document at the same path: it is always the running version's
        targets.apiDocuments().forEach((name, target) -> routes.route("api-docs-" + name, route -> route
                .method(HttpMethod.GET).and().path(ApiDocs.OPENAPI + name)
                .filters(GatewayRoutes::common).uri(target)));
        return routes.build();
    }

    /**
     * Retries only what may be repeated: GET, when the service could not be reached or answered 502/503. A
     * service's own CORS headers never double the gateway's.
     */
    static GatewayFilterSpec common(GatewayFilterSpec filters) {
        return filters
                .retry(retry -> retry.setRetries(2)
                        .setMethods(HttpMethod.GET)
                        .setSeries()
                        .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                        .setExceptions(ConnectException.class)
                        .setBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 2, false))
                .dedupeResponseHeader(
                        "Access-Control-Allow-Origin Access-Control-Allow-Credentials Access-Control-Expose-Headers",
                        "RETAIN_FIRST");
    }
}
