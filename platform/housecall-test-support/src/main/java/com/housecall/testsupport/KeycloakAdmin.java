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
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/** The few calls of Keycloak's admin API a test needs, with a run-only administrator's token. */
@SuppressWarnings("unchecked")
final class KeycloakAdmin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String realmsUrl;
    private final String realm;
    private final String realmUrl;
    private final String token;

    KeycloakAdmin(String realmsUrl, String realm, String token) {
        this.realmsUrl = realmsUrl;
        this.realm = realm;
        this.realmUrl = realmsUrl + "/" + realm;
        this.token = token;
    }

    /** Creates the realm empty, so Keycloak gives it what it gives every new realm (its built-in client scopes). */
    void createRealm() {
        call(HttpRequest.newBuilder(URI.create(realmsUrl)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("realm", realm, "enabled", true)))));
    }

    /**
     * The realm's client scopes as a realm file declares them: by name, mappers by name, without Keycloak's ids and
     * with {@code userinfo.token.claim} spelled out; and the names of the realm's default and optional scopes.
     */
    Map<String, Object> clientScopes() {
        Map<String, Object> scopes = new TreeMap<>();
        for (Map<String, Object> scope : this.<List<Map<String, Object>>>call(
                HttpRequest.newBuilder(URI.create(realmUrl + "/client-scopes")).GET())) {
            Map<String, Object> declared = new TreeMap<>(scope);
            declared.remove("id");
            Map<String, Object> mappers = new TreeMap<>();
            for (Object mapper : (List<?>) declared.getOrDefault("protocolMappers", List.of())) {
                Map<String, Object> withoutId = new TreeMap<>((Map<String, Object>) mapper);
                withoutId.remove("id");
                // a running Keycloak reads a missing userinfo.token.claim as false (only an import reads it as true)
                Map<String, Object> config = new TreeMap<>((Map<String, Object>) withoutId.get("config"));
                config.putIfAbsent("userinfo.token.claim", "false");
                withoutId.put("config", config);
                mappers.put((String) withoutId.get("name"), withoutId);
            }
            declared.put("protocolMappers", mappers);
            scopes.put((String) scope.get("name"), declared);
        }
        Map<String, Object> answer = new TreeMap<>();
        answer.put("clientScopes", scopes);
        for (String list : List.of("default-default-client-scopes", "default-optional-client-scopes")) {
            List<Map<String, Object>> named = call(HttpRequest.newBuilder(URI.create(realmUrl + "/" + list)).GET());
            answer.put(list, named.stream().map(scope -> (String) scope.get("name")).sorted().toList());
        }
        return answer;
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
