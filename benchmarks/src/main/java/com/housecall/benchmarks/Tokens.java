package com.housecall.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Keycloak's access tokens of the demo patients, by the password grant of the public {@code housecall-web} client
 * (as bin/smoke gets one), fetched again every minute so a long run never sends an expired one.
 */
final class Tokens {

    static final List<String> PATIENTS = List.of("patient1", "patient2");

    private final HttpClient http;
    private final String tokenEndpoint;
    private final AtomicReferenceArray<String> tokens = new AtomicReferenceArray<>(PATIENTS.size());

    Tokens(HttpClient http, String keycloak) {
        this.http = http;
        this.tokenEndpoint = keycloak + "/realms/housecall/protocol/openid-connect/token";
    }

    void refresh() throws IOException, InterruptedException {
        for (int i = 0; i < PATIENTS.size(); i++) {
            String user = PATIENTS.get(i);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=housecall-web"
                            + "&username=" + user + "&password=" + user))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String token = Json.field(answer.body(), "access_token");
            if (answer.statusCode() != 200 || token == null) {
                throw new IOException("Keycloak gave no token for " + user + " (HTTP " + answer.statusCode() + ")");
            }
            tokens.set(i, token);
        }
    }

    /** The patients take turns. */
    String forConsultation(int n) {
        return tokens.get(n % PATIENTS.size());
    }
}
