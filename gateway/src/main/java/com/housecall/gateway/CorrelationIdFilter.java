package com.housecall.gateway;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request gets a new UUID as its correlation id: the service receives it as {@code X-Correlation-Id} (and puts
 * it on the events it causes and in its logs). A caller's own plausible id is echoed back and never forwarded
 * (DECISIONS 32); without one the response carries the new UUID, the gateway's own errors included. One log line
 * per request names method, path (no query: it may hold data), status and time, with the trace and correlation id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(CorrelationIdFilter.class);

    static final String HEADER = "X-Correlation-Id";
    static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";
    static final String MDC_KEY = "correlationId";

    /** Letters, digits and a few separators: nothing that could smuggle another header or a log line. */
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = UUID.randomUUID().toString();
        String echoed = given != null && PLAUSIBLE.matcher(given).matches() ? given : id;
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, echoed);
            return Mono.empty();
        });
        long started = System.nanoTime();
        return chain.filter(exchange.mutate().request(request).build())
                .doFinally(signal -> logRequest(exchange, id, started));
    }

    /** Runs with the request's trace in the MDC (Reactor's automatic context propagation, gateway.yml). */
    private static void logRequest(ServerWebExchange exchange, String id, long started) {
        MDC.put(MDC_KEY, id);
        try {
            log.info("{} {} answered {} in {} ms", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), exchange.getResponse().getStatusCode(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
