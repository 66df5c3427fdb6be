package com.housecall.gateway;

import static com.housecall.gateway.GatewayLoadBalancing.target;
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
 * The routes of CONTRACT.md: paths are forwarded unchanged, each to one of its service's instances
 * ({@link GatewayLoadBalancing}). Connect and response timeouts are the gateway's
 * {@code spring.cloud.gateway.server.webflux.httpclient.*} settings (gateway.yml); the operators' event stream has
 * no response timeout. The services' OpenAPI documents are routed like their APIs, without a token.
 */
@Configuration(proxyBeanMethods = false)
class GatewayRoutes {

    private static final Duration BACKOFF_FIRST = Duration.ofMillis(50);
    private static final Duration BACKOFF_MAX = Duration.ofMillis(500);

    @Bean
    RouteLocator housecallRoutes(RouteLocatorBuilder builder) {
        RouteLocatorBuilder.Builder routes = builder.routes()
                .route("booking", route -> route.path("/api/consultations/**", "/api/referrals/**",
                                "/api/fhir", "/api/fhir/**", "/api/subscriptions", "/api/subscriptions/**",
                                "/api/crisis-resources")
                        .filters(GatewayRoutes::common).uri(target("booking")))
                .route("screening", route -> route.path("/api/screenings/**")
                        .filters(GatewayRoutes::common).uri(target("screening")))
                .route("dispatch", route -> route.path("/api/nurse/**", "/api/nurses/**", "/api/visits/**")
                        .filters(GatewayRoutes::common).uri(target("dispatch")))
                .route("notification", route -> route.path("/api/notifications/**")
                        .filters(GatewayRoutes::common).uri(target("notification")))
                // server-sent events stay open: no response timeout (and before the console's other routes)
                .route("console-events", route -> route.order(-1).path("/api/ops/events")
                        .filters(GatewayRoutes::common).metadata(RESPONSE_TIMEOUT_ATTR, -1).uri(target("console")))
                // "/ops" alone is answered here (web.WebApps): a redirect from the console named its own port
                .route("console", route -> route.path("/api/ops/**", "/ops/**")
                        .filters(GatewayRoutes::common).uri(target("console")));
        // each service serves its own OpenAPI document at the same path: it is always the running version's
        GatewayProperties.Targets.apiDocuments().forEach((name, service) -> routes.route("api-docs-" + name,
                route -> route.method(HttpMethod.GET).and().path(ApiDocs.OPENAPI + name)
                        .filters(GatewayRoutes::common).uri(target(service))));
        return routes.build();
    }

    /**
     * Retries only what may be repeated: GET, when the service could not be reached or answered 502/503; any other
     * method only when no connection was made, so the service has seen nothing (with two instances, the next try
     * goes to the other). A service's own CORS headers never double the gateway's.
     */
    static GatewayFilterSpec common(GatewayFilterSpec filters) {
        return filters
                .retry(retry -> retry.setRetries(2)
                        .setMethods(HttpMethod.GET)
                        .setSeries()
                        .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                        .setExceptions(ConnectException.class)
                        .setBackoff(BACKOFF_FIRST, BACKOFF_MAX, 2, false))
                .retry(retry -> retry.setRetries(2)
                        .setMethods(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE)
                        .setSeries()
                        .setStatuses()
                        .setExceptions(ConnectException.class)
                        .setBackoff(BACKOFF_FIRST, BACKOFF_MAX, 2, false))
                .dedupeResponseHeader(
                        "Access-Control-Allow-Origin Access-Control-Allow-Credentials Access-Control-Expose-Headers",
                        "RETAIN_FIRST");
    }
}
