package com.housecall.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Keycloak's access tokens of the demo partner clinics ({@code clinic-a}, {@code clinic-b}: the client credentials
 * grant, as a clinic gets one), fetched again every minute so a long run never sends an expired one. Clinics, not
 * the two demo patients: a patient's requests queue on that patient's turn and count against one active course,
 * which many real patients would never share; referrals are not counted per patient (booking's ActiveCourseLimit).
 * And the demo operator's, for {@code --roster}.
 */
public final class Tokens {

    static final List<String> CLINICS = List.of("clinic-a", "clinic-b");
    static final String OPERATOR = "operator1";

    private final HttpClient http;
    private final String tokenEndpoint;
    private final AtomicReferenceArray<String> tokens = new AtomicReferenceArray<>(CLINICS.size());

    public Tokens(HttpClient http, String keycloak) {
        this.http = http;
        this.tokenEndpoint = keycloak + "/realms/housecall/protocol/openid-connect/token";
    }

    public void refresh() throws IOException, InterruptedException {
        for (int i = 0; i < CLINICS.size(); i++) {
            String clinic = CLINICS.get(i);
            tokens.set(i, grant(clinic, "grant_type=client_credentials&client_id=" + clinic + "&client_secret="
                    + clinic + "-secret"));
        }
    }

    /** Refreshes the clinics' tokens every minute until the returned executor is shut down; a failure keeps the old. */
    public ScheduledExecutorService refreshEveryMinute(String who) {
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();
        refresher.scheduleWithFixedDelay(() -> {
            try {
                refresh();
            } catch (IOException | InterruptedException e) {
                System.err.println(who + ": token refresh failed, the old tokens stay: " + e.getMessage());
            }
        }, 60, 60, TimeUnit.SECONDS);
        return refresher;
    }

    /**
     * A fresh token of {@value #OPERATOR}, whose role the roster's API needs: the password grant on
     * {@code housecall-web}, password = user name, as {@code bin/housecall token operator1} asks.
     */
    public String operator() throws IOException, InterruptedException {
        return grant(OPERATOR, "grant_type=password&client_id=housecall-web&username=" + OPERATOR + "&password="
                + OPERATOR + "&scope=openid");
    }

    private String grant(String who, String form) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        String token = Json.field(answer.body(), "access_token");
        if (answer.statusCode() != 200 || token == null) {
            throw new IOException("Keycloak gave no token for " + who + " (HTTP " + answer.statusCode() + ")");
        }
        return token;
    }

    /** The clinics take turns. */
    String forReferral(int n) {
        return tokens.get(n % CLINICS.size());
    }
}
