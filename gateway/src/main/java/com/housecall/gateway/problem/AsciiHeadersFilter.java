package com.housecall.gateway.problem;

import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Header values are visible ASCII (RFC 9110 keeps other bytes for legacy only): everything this platform reads from a
 * header (tokens, ids, {@code Last-Event-ID}, signatures) is ASCII, and a service would otherwise answer such a
 * request in its own error shape. Refused before authentication, so nothing of the value is ever forwarded.
 */
@Component
@Order(-200)
class AsciiHeadersFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (Map.Entry<String, List<String>> header : exchange.getRequest().getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                if (!visibleAscii(value)) {
                    return ErrorResponses.write(exchange, HttpStatus.BAD_REQUEST,
                            "The header " + nameOf(header.getKey()) + " must hold visible ASCII characters only.");
                }
            }
        }
        return chain.filter(exchange);
    }

    static boolean visibleAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** A header name is echoed only when it is a plain token itself. */
    private static String nameOf(String name) {
        return name.matches("[A-Za-z0-9-]{1,64}") ? name : "(unnamed)";
    }
}
