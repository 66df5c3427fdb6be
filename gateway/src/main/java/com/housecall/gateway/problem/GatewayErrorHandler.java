package com.housecall.gateway.problem;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Whatever goes wrong at the edge (no route, a service that cannot be reached or is too slow) answers in the
 * contract's error shape, never with an exception's message. Runs before Spring Boot's JSON error handler.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatus status = statusOf(error);
        if (status.is5xxServerError()) {
            // route and status only: no query strings, bodies or headers in logs
            log.warn("{} {} answered {} at the gateway: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), status.value(), error.getClass().getSimpleName());
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        return ErrorResponses.write(exchange, status, detail(status));
    }

    static HttpStatus statusOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ResponseStatusException statusException) {
                HttpStatus status = HttpStatus.resolve(statusException.getStatusCode().value());
                return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
            }
            if (cause instanceof IOException) {
                // refused, closed early (PrematureCloseException) or reset by the service (Netty's NativeIoException)
                return HttpStatus.BAD_GATEWAY;
            }
            if (cause instanceof TimeoutException) {
                return HttpStatus.GATEWAY_TIMEOUT;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No resource at this path.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            case BAD_GATEWAY -> "The service behind this path could not be reached.";
            case SERVICE_UNAVAILABLE -> "The service behind this path is unavailable.";
            case GATEWAY_TIMEOUT -> "The service behind this path did not answer in time.";
            default -> status.is4xxClientError() ? "The request cannot be processed."
                    : "The gateway could not complete the request.";
        };
    }
}
