package com.housecall.dispatch;

import com.housecall.testsupport.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.events.Topics;
import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.HousecallTestInfrastructure;
import com.housecall.testsupport.TopicRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running dispatch-service for every integration test of the module: a second application context would join
 * the same consumer group on the same broker and take some of the requests away from the first. Its clock can be
 * moved ({@link #CLOCK}); tests that move it put it back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=dispatch-service", "housecall.dispatch.late-nurse-poll-interval=100ms",
                "housecall.visit-record.poll-interval=100ms"})
@Import(TestClock.class)
public abstract class DispatchIntegration {

    public static final MovableClock CLOCK = new MovableClock();
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Test visits and nurses are in Wyoming for ZIP prefixes from 100 up (New York's): no demo nurse is licensed
     * there and serves them, so a test's own nurses compete with no one else's.
     */
    protected static final String STATE = "WY";
    /** A service area no demo nurse serves, one per call. */
    private static final AtomicInteger AREAS = new AtomicInteger(100);
    protected static TopicRecorder topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HousecallTestInfrastructure.register(registry, "dispatch-service");
    }

    @BeforeAll
    static void listen() {
        if (topics == null) {
            topics = TopicRecorder.start(Topics.DISPATCH_EVENTS);
        }
    }

    @AfterAll
    static void putTheClockBack() {
        CLOCK.reset();
    }

    @LocalServerPort
    protected int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A 3-digit ZIP prefix that no other test uses (in {@link #STATE}, no demo nurse serves it). */
    protected static String freshPrefix() {
        return "%03d".formatted(AREAS.getAndIncrement());
    }

    /** The next Tuesday at least three days away: after the lead time, before no test's moved clock. */
    protected static LocalDate aTuesday(java.time.ZoneId zone) {
        return LocalDate.now(zone).plusDays(2).with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.TUESDAY));
    }

    /** A token for demo user {@code nurse1} under another login: a nurse the test put on the roster. */
    protected static String nurseToken(String username) {
        return DevJwt.token("nurse1", claims -> claims.claim("preferred_username", username));
    }

    protected HttpResponse<String> get(String token, String path) throws Exception {
        return send(token, HttpRequest.newBuilder(uri(path)).GET());
    }

    protected HttpResponse<String> post(String token, String path, String body) throws Exception {
        return send(token, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected HttpResponse<String> put(String token, String path, String body) throws Exception {
        return send(token, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Puts a nurse on the roster through the API, licensed in {@link #STATE} for {@code prefix}, on shift every day. */
    protected UUID addNurse(String username, String prefix, String timeOffJson) throws Exception {
        return addNurse(username, STATE, "\"" + prefix + "\"", everyDay("07:00", "19:00"), timeOffJson);
    }

    /** A nurse licensed in {@code state}, serving {@code prefixesJson} (quoted, comma-separated), on these shifts. */
    protected UUID addNurse(String username, String state, String prefixesJson, String shiftsJson, String timeOffJson)
            throws Exception {
        String body = """
                {"displayName": "Test N.", "username": "%s", "timeZone": "America/Los_Angeles",
                 "licenseStates": ["%s"], "skills": ["IV_THERAPY", "ACLS"], "homePostalCode": "82001",
                 "serviceAreaPrefixes": [%s],
                 "shifts": [%s], "timeOff": [%s]}""".formatted(username, state, prefixesJson, shiftsJson, timeOffJson);
        HttpResponse<String> response = post(DevJwt.token("operator1"), "/api/nurses", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(json(response).get("id").asString());
    }

    protected static String everyDay(String start, String end) {
        StringBuilder shifts = new StringBuilder();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            shifts.append(shifts.isEmpty() ? "" : ", ").append("""
                    {"dayOfWeek": "%s", "start": "%s", "end": "%s"}""".formatted(day, start, end));
        }
        return shifts.toString();
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** {@code token} null sends none. */
    private HttpResponse<String> send(String token, HttpRequest.Builder request) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
