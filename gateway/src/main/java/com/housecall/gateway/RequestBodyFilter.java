package com.housecall.gateway;

import com.housecall.gateway.problem.ErrorResponses;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
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
 * Request bodies: over {@code housecall.gateway.max-request-size} (64 KiB) they answer 413 and never reach a service
 * (a declared Content-Length is checked up front, a chunked body is read up to the limit); under it, a body is read
 * whole and sent from a heap copy, so that a retried POST ({@link GatewayRoutes#common}) sends it again as it came.
 * Spring Cloud Gateway's own copy for a retry is Netty's pooled buffer, which a failed attempt can release once too
 * often under load (Reactor Netty's race, spring-cloud-gateway issue 3125): the retry then answered 500. A heap copy
 * is not reference counted. Runs after authentication, so a caller without a token learns 401 first.
 */
@Component
@Order(RequestBodyFilter.ORDER)
class RequestBodyFilter implements WebFilter {

    /** After Spring Security's filter chain (-100) and the clinics' rate limit. */
    static final int ORDER = -80;

    private final int maxBytes;

    RequestBodyFilter(GatewayProperties properties) {
        this.maxBytes = Math.toIntExact(properties.maxRequestSize().toBytes());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            return tooLarge(exchange);
        }
        if (declared == 0 || declared < 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBytes)
                .map(RequestBodyFilter::copyToHeap)
                .defaultIfEmpty(new byte[0])
                .map(Optional::of)
                .onErrorResume(DataBufferLimitException.class, tooBig -> Mono.just(Optional.empty()))
                .flatMap(body -> body.isPresent() ? chain.filter(withBody(exchange, body.get()))
                        : tooLarge(exchange));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return ErrorResponses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBytes / 1024 + " KiB.");
    }

    private static byte[] copyToHeap(DataBuffer received) {
        byte[] bytes = new byte[received.readableByteCount()];
        received.read(bytes);
        DataBufferUtils.release(received);
        return bytes;
    }

    /** The body as read, with its length declared: each subscriber (each attempt) gets its own buffer over it. */
    private static ServerWebExchange withBody(ServerWebExchange exchange, byte[] body) {
        HttpHeaders headers = HttpHeaders.copyOf(exchange.getRequest().getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body.length);
        ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return body.length == 0 ? Flux.empty()
                        : Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
        return exchange.mutate().request(request).build();
    }
}
