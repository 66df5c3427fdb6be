package com.housecall.gateway.web;

import com.housecall.gateway.GatewayProperties;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The pages' Content-Security-Policy, as the operators' page has it: their own scripts and styles only, calls to the
 * gateway and to the realm, no framing; no Referer (a case id is in the clinicians' addresses).
 */
@Component
class PageSecurityHeaders implements WebFilter {

    private final String policy;

    PageSecurityHeaders(GatewayProperties properties) {
        this.policy = contentSecurityPolicy(properties.web().browserIssuer());
    }

    static String contentSecurityPolicy(String browserIssuer) {
        URI issuer = URI.create(browserIssuer);
        String realmOrigin = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; connect-src 'self' " + realmOrigin + "; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'none'; frame-ancestors 'none'; form-action 'self' " + realmOrigin;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/app/") || path.startsWith("/clinician/") || path.startsWith("/nurse/")
                || path.startsWith("/shared/")) {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", policy);
            headers.set("Referrer-Policy", "no-referrer");
        }
        return chain.filter(exchange);
    }
}
