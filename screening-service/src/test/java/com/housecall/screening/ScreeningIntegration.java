package com.housecall.screening;

import com.housecall.testsupport.MovableClock;
import com.housecall.events.Topics;
import com.housecall.events.booking.IntakeSubmitted;
import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.HousecallTestInfrastructure;
import com.housecall.testsupport.TopicRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running screening-service for every integration test of the module: a second application context would
 * join the same consumer group on the same broker and take some of the intakes away from the first. Its clock can
 * be moved ({@link #CLOCK}); tests that move it put it back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=screening-service", "housecall.screening.alert-repeat=1s",
                "housecall.screening.alert-poll-interval=100ms"})
@Import(ScreeningIntegration.TestClock.class)
public abstract class ScreeningIntegration {

    public static final MovableClock CLOCK = new MovableClock();

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static TopicRecorder topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HousecallTestInfrastructure.register(registry, "screening-service");
    }

    @BeforeAll
    static void listen() {
        topics = TopicRecorder.start(Topics.SCREENING_EVENTS);
    }

    @AfterAll
    static void stop() {
        topics.close();
        CLOCK.reset();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        MovableClock movableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    protected int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** An intake that matches no rule; change one answer to reach another outcome. */
    protected static IntakeSubmitted intake(UUID id, int item9, List<String> medications) {
        return intake(id, 38, item9, medications);
    }

    protected static IntakeSubmitted intake(UUID id, int age, int item9, List<String> medications) {
        return new IntakeSubmitted(id, age, "America/Los_Angeles", List.of(2, 2, 1, 2, 1, 2, 1, 1, item9),
                List.of(1, 1, 1, 1, 0, 0, 1), 2, List.of(), medications, false, false, false, false,
                new IntakeSubmitted.BloodPressure(124, 80), true, Instant.now());
    }

    protected HttpResponse<String> get(String user, String path) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    protected HttpResponse<String> post(String user, String path, String body) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** {@code user} null sends no token; a demo user name sends their development token. */
    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        if (user != null) {
            request.header("Authorization", "Bearer " + DevJwt.token(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
