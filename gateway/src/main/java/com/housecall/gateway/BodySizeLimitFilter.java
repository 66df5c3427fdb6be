package com.housecall.gateway;

import com.housecall.gateway.problem.ErrorResponses;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bodies over {@code housecall.gateway.max-request-size} (64 KiB) answer 413 and never reach a service. A declared
 * Content-Length is checked up front; a chunked body is read up to the limit first (at most 64 KiB held).
 * Runs after authentication, so a caller without a token learns 401 first.
 */
@Component
@Order(BodySizeLimitFilter.ORDER)
class BodySizeLimitFilter implements WebFilter {

    /** After Spring Security's filter chain (-100) and the clinics' rate limit. */
    static final int ORDER = -80;

    private final int maxBytes;

    BodySizeLimitFilter(GatewayProperties properties) {
        this.maxBytes = Math.toIntExact(properties.maxRequestSize().toBytes());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            return tooLarge(exchange);
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBytes)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(DataBufferLimitException.class, tooBig -> Mono.empty())
                .flatMap(body -> chain.filter(withBody(exchange, body)).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> tooLarge(exchange).thenReturn(true)))
                .then();
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return ErrorResponses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBytes / 1024 + " KiB.");
    }

    /** The body read so far, replayed to the service with its length declared. */
    private static ServerWebExchange withBody(ServerWebExchange exchange, Optional<DataBuffer> body) {
        HttpHeaders headers = HttpHeaders.copyOf(exchange.getRequest().getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body.map(DataBuffer::readableByteCount).orElse(0));
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Mono.justOrEmpty(body).flux();
            }
        };
        return exchange.mutate().request(request).build();
    }
}
