package com.housecall.security;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Requests that arrived on the management port (its own server and child context): health and Prometheus without
 * a token (CONTRACT.md section 13). Decided by the server that took the request, never by its path, so nothing on
 * the service port opens up.
 */
final class ManagementPort {

    static final RequestMatcher REQUESTS = request -> WebServerApplicationContext.hasServerNamespace(
            WebApplicationContextUtils.getWebApplicationContext(request.getServletContext()), "management");

    private ManagementPort() {
    }
}
