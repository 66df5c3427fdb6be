package com.housecall.gateway.ratelimit;

import com.housecall.gateway.problem.ErrorResponses;
import com.housecall.gateway.security.EdgeCaller;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Partner clinics (realm role {@code clinic}) get {@code housecall.gateway.clinic-rate-limit} API calls a minute per
 * client ({@code azp}); past that, 429 with {@code Retry-After} and nothing is forwarded. Other callers are not
 * counted. Runs after authentication, which it needs to know the caller.
 */
final class ClinicRateLimitFilter implements WebFilter, Ordered {

    static final String LIMIT_HEADER = "X-RateLimit-Limit";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final ClinicRateLimiter limiter;

    ClinicRateLimitFilter(ClinicRateLimiter limiter) {
        this.limiter = limiter;
    }

    /** After Spring Security's filter chain (-100), before the body limit (-80). */
    @Override
    public int getOrder() {
        return -90;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> EdgeCaller.of(((JwtAuthenticationToken) principal).getToken()))
                .filter(caller -> caller.hasRole(EdgeCaller.CLINIC) && caller.clientId() != null)
                .flatMap(caller -> limiter.acquire(caller.clientId()))
                .flatMap(decision -> {
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    headers.set(LIMIT_HEADER, Long.toString(decision.limit()));
                    headers.set(REMAINING_HEADER, Long.toString(decision.remaining()));
                    if (decision.allowed()) {
                        return chain.filter(exchange).thenReturn(true);
                    }
                    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                    return ErrorResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                            "Too many requests from this client: at most " + decision.limit()
                                    + " a minute. Retry after the time in Retry-After.").thenReturn(true);
                })
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(true)))
                .then();
    }
}
