package com.housecall.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The few calls of Keycloak's admin API a test needs, with a run-only administrator's token. */
final class KeycloakAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String realmUrl;
    private final String token;

    KeycloakAdmin(String realmUrl, String token) {
        this.realmUrl = realmUrl;
        this.token = token;
    }

    /** {@code pages + "*"} as a redirect URI of the public client and the pages' origin as a web origin. */
    void allowBrowserPages(String clientId, String pages) {
        URI page = URI.create(pages);
        String origin = page.getScheme() + "://" + page.getAuthority();
        String clients = realmUrl + "/clients";
        List<Map<String, Object>> found = call(HttpRequest.newBuilder(
                URI.create(clients + "?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8))).GET());
        if (found.size() != 1) {
            throw new IllegalStateException("No client " + clientId + " at " + realmUrl);
        }
        Map<String, Object> client = new LinkedHashMap<>(found.getFirst());
        client.put("redirectUris", withAdded(client.get("redirectUris"), pages + "*"));
        client.put("webOrigins", withAdded(client.get("webOrigins"), origin));
        call(HttpRequest.newBuilder(URI.create(clients + "/" + client.get("id")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))));
    }

    private static List<Object> withAdded(Object list, String value) {
        List<Object> values = new ArrayList<>(list instanceof List<?> l ? l : List.of());
        if (!values.contains(value)) {
            values.add(value);
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private <T> T call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak's admin API answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? null : (T) JSON.readValue(response.body(), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
