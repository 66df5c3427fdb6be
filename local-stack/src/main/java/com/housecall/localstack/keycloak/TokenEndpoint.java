package com.housecall.localstack.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** A realm's token endpoint, asked with a form: what {@code bin/housecall token} and the tests' Keycloak share. */
public final class TokenEndpoint {

    /** The realm of CONTRACT.md section 2. */
    public static final String REALM = "housecall";
    /** The client that allows the password grant in the dev realm. */
    public static final String PASSWORD_CLIENT = "housecall-web";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TokenEndpoint() {
    }

    /** The token endpoint of an issuer ({@code http://localhost:8180/realms/housecall}). */
    public static String of(String issuer) {
        return issuer + "/protocol/openid-connect/token";
    }

    /** Posts {@code form} to {@code endpoint}; the answer, successful or not. */
    public static Response post(String endpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            @SuppressWarnings("unchecked")
            Map<String, Object> json = JSON.readValue(response.body(), Map.class);
            return new Response(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer: {@code access_token}, ... on 200; {@code error}, {@code error_description} otherwise. */
    public record Response(int status, Map<String, Object> body) {

        public boolean ok() {
            return status == 200 && body.get("access_token") instanceof String;
        }

        public String accessToken() {
            if (!ok()) {
                throw new IllegalStateException("Keycloak refused the token: " + status + " " + body);
            }
            return (String) body.get("access_token");
        }

        public String error() {
            return (String) body.get("error");
        }
    }
}
