package com.housecall.console;

import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.HousecallTestInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running operator-console for every integration test of the module: a second application context would
 * join the same consumer group and take some of the events away from the first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=operator-console", "housecall.console.stream-poll-interval=50ms"})
public abstract class ConsoleIntegration {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final Duration WAIT = Duration.ofSeconds(90);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HousecallTestInfrastructure.register(registry, "operator-console");
    }

    @LocalServerPort
    protected int port;

    private final HttpClient http = HttpClient.newHttpClient();

    protected HttpResponse<String> get(String user, String path) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    protected HttpResponse<String> post(String user, String path) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** An event stream read by {@code user} (null: no token); {@code lastEventId} may be null. */
    protected SseClient stream(String user, String pathAndQuery, String lastEventId) throws Exception {
        return SseClient.open(uri(pathAndQuery), user == null ? null : DevJwt.token(user), lastEventId);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        if (user != null) {
            request.header("Authorization", "Bearer " + DevJwt.token(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
