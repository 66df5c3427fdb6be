package com.housecall.gateway;

import com.housecall.testsupport.DevJwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway under test in front of {@link StubBackend}, trusting this JVM's development tokens. */
final class GatewayTestSupport {

    static final String ALLOWED_ORIGIN = "https://app.housecall.test";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private GatewayTestSupport() {
    }

    static void register(DynamicPropertyRegistry registry) {
        String backend = StubBackend.shared().url();
        for (String target : new String[] {"booking", "screening", "dispatch", "notification", "console"}) {
            registry.add("housecall.gateway.targets." + target, () -> backend);
        }
        registry.add("housecall.security.public-key-location", DevJwt::publicKeyLocation);
        registry.add("housecall.gateway.cors.allowed-origins", () -> ALLOWED_ORIGIN);
    }

    static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20));
    }

    static HttpResponse<String> send(HttpRequest request) {
        return send(CLIENT, request);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> get(int port, String path, String token) {
        return send(request(port, path).header("Authorization", "Bearer " + token).GET().build());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
