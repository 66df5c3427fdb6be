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
 * client ({@code azp}), patients {@code housecall.gateway.patient-rate-limit} per account ({@code sub}); past that,
 * 429 with {@code Retry-After} and nothing is forwarded. Staff are not counted. Runs after authentication, which it
 * needs to know the caller.
 */
final class CallerRateLimitFilter implements WebFilter, Ordered {

    static final String LIMIT_HEADER = "X-RateLimit-Limit";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    /** Whom a call is counted for, and how many a minute they get. */
    private record Quota(String caller, int limit) {
    }

    private final MinuteRateLimiter limiter;
    private final int clinicLimit;
    private final int patientLimit;

    CallerRateLimitFilter(MinuteRateLimiter limiter, int clinicLimit, int patientLimit) {
        this.limiter = limiter;
        this.clinicLimit = clinicLimit;
        this.patientLimit = patientLimit;
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
                .mapNotNull(principal -> quota(EdgeCaller.of(((JwtAuthenticationToken) principal).getToken())))
                .flatMap(quota -> limiter.acquire(quota.caller(), quota.limit()))
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

    private Quota quota(EdgeCaller caller) {
        if (caller.hasRole(EdgeCaller.CLINIC) && caller.clientId() != null) {
            return new Quota("clinic:" + caller.clientId(), clinicLimit);
        }
        if (caller.hasRole(EdgeCaller.PATIENT) && caller.subject() != null) {
            return new Quota("patient:" + caller.subject(), patientLimit);
        }
        return null;
    }
}
