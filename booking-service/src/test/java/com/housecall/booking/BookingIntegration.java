package com.housecall.booking;

import static org.awaitility.Awaitility.await;

import com.housecall.events.Topics;
import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.HousecallTestInfrastructure;
import com.housecall.testsupport.TopicRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running booking-service for every integration test of the module: a second application context would join
 * the same consumer groups on the same broker and take some of the events away from the first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=booking-service")
public abstract class BookingIntegration {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static TopicRecorder topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HousecallTestInfrastructure.register(registry, "booking-service");
        // the tests ask as the demo patients again and again; ActiveCourseLimitSecurityTest tests the limit itself
        registry.add("housecall.booking.active-courses-per-patient", () -> 100000);
    }

    @BeforeAll
    static void listen() {
        topics = TopicRecorder.start(Topics.BOOKING_EVENTS, Topics.BOOKING_INTAKE, Topics.BOOKING_CONTACTS);
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    @LocalServerPort
    protected int port;

    protected final HttpClient http = HttpClient.newHttpClient();

    /** A valid request whose PHQ-9 item 9 is {@code item9}, its one window three days ahead. */
    public static String validRequest(int item9) {
        String start = OffsetDateTime.now(ZoneOffset.ofHours(-8)).plusDays(3).withHour(9).withMinute(0).withSecond(0).withNano(0).toString();
        String end = OffsetDateTime.parse(start).plusHours(4).toString();
        return """
                {"patient": {"givenName": "Ada", "familyName": "Lovelace", "dateOfBirth": "1988-02-14",
                  "email": "ada@example.test", "phone": "+14155550100", "preferredChannels": ["SMS", "EMAIL"]},
                 "address": {"line1": "1 Main St", "city": "San Francisco", "state": "CA", "postalCode": "94107"},
                 "timeZone": "America/Los_Angeles",
                 "intake": {"phq9": [2, 2, 1, 2, 1, 2, 1, 1, %d], "gad7": [1, 1, 1, 1, 0, 0, 1],
                   "failedAntidepressantTrials": 2, "conditions": [], "medications": ["sertraline 100 mg"],
                   "alcoholUseDisorder": false, "substanceUseDisorder": false, "pregnant": false,
                   "breastfeeding": false, "bloodPressure": {"systolic": 124, "diastolic": 80},
                   "inPersonEvaluationCompleted": true},
                 "preferredWindows": [{"start": "%s", "end": "%s"}],
                 "consent": {"treatment": true, "sms": true, "email": true}}""".formatted(item9, start, end);
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    protected HttpResponse<String> post(String token, String body) throws Exception {
        return send(token, "POST", "/api/consultations", body);
    }

    protected HttpResponse<String> get(String token, String path) throws Exception {
        return send(token, "GET", path, null);
    }

    /** {@code token} null sends none; {@code body} null sends no body. */
    protected HttpResponse<String> send(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> as(String user, String method, String path, String body) throws Exception {
        return send(DevJwt.token(user), method, path, body);
    }

    /** A new consultation of {@code patient1}; answers its id. */
    protected String requested() throws Exception {
        return JSON.readTree(post(DevJwt.token("patient1"), validRequest(0)).body()).get("id").asString();
    }

    protected JsonNode view(String id) throws Exception {
        return JSON.readTree(get(DevJwt.token("clinician1"), "/api/consultations/" + id).body());
    }

    protected JsonNode awaitStatus(String id, String status) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> view(id),
                view -> view.get("status").asString().equals(status));
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
