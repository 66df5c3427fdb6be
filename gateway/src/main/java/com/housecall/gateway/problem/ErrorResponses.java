package com.housecall.gateway.problem;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's own error answers, in the shapes of CONTRACT.md section 3: RFC 9457 {@code application/problem+json},
 * or a FHIR {@code OperationOutcome} ({@code application/fhir+json}) on {@code /api/referrals/**} and
 * {@code /api/fhir/**}. Details are fixed
 * sentences: nothing of the request, the token or the exception is echoed.
 */
public final class ErrorResponses {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    public static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private ErrorResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        boolean fhir = isFhir(exchange.getRequest());
        String body = fhir ? operationOutcome(status, detail) : problem(status, detail);
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(fhir ? FHIR_JSON : PROBLEM_JSON);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        headers.setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    /** Partner clinics speak FHIR: every error on their API is an OperationOutcome, the gateway's included. */
    public static boolean isFhir(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        return path.equals("/api/referrals") || path.startsWith("/api/referrals/")
                || path.equals("/api/fhir") || path.startsWith("/api/fhir/");
    }

    static String problem(HttpStatus status, String detail) {
        return "{\"type\":\"about:blank\",\"title\":\"" + json(status.getReasonPhrase()) + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + json(detail) + "\"}";
    }

    static String operationOutcome(HttpStatus status, String detail) {
        return "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
                + issueCode(status) + "\",\"diagnostics\":\"" + json(detail) + "\"}]}";
    }

    /** FHIR R4 issue-type codes (http://hl7.org/fhir/issue-type). */
    static String issueCode(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "login";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case PAYLOAD_TOO_LARGE -> "too-costly";
            case TOO_MANY_REQUESTS -> "throttled";
            case UNSUPPORTED_MEDIA_TYPE, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE -> "not-supported";
            case GATEWAY_TIMEOUT -> "timeout";
            case BAD_GATEWAY, SERVICE_UNAVAILABLE -> "transient";
            default -> status.is4xxClientError() ? "invalid" : "exception";
        };
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
