package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CONTRACT.md section 2's role table, route by route, through the gateway with real Keycloak tokens: no token is
 * 401, a role the table does not list is 403, a listed role gets past both (its answer depends on the record).
 * Each issue that adds routes adds its rows here.
 */
class AuthorizationMatrixIT {

    private static final String NURSE1_DEMO_WEEK = "{\"shifts\": [" + Stream.of("MONDAY", "TUESDAY",
                    "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY")
            .map(day -> "{\"dayOfWeek\": \"" + day + "\", \"start\": \"07:00\", \"end\": \"19:00\"}")
            .collect(Collectors.joining(", ")) + "], \"timeOff\": []}";

    static final List<String> USERS = List.of("patient1", "clinic-a", "nurse1", "clinician1", "operator1");

    /** One row of the table: who may call it; the body is any that parses, the id one that does not exist. */
    record Route(String method, String path, String body, Set<String> allowed) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final String UNKNOWN = UUID.randomUUID().toString();

    static final String PATIENT = "patient1", CLINIC = "clinic-a", NURSE = "nurse1", CLINICIAN = "clinician1",
            OPERATOR = "operator1";

    static final List<Route> ROUTES = List.of(
            new Route("POST", "/api/consultations", "{}", Set.of(PATIENT)),
            new Route("GET", "/api/consultations", null, Set.of(PATIENT, CLINIC, CLINICIAN, OPERATOR)),
            new Route("GET", "/api/consultations/" + UNKNOWN, null, Set.of(PATIENT, CLINIC, CLINICIAN, OPERATOR)),
            new Route("POST", "/api/consultations/" + UNKNOWN + "/cancel", "{}", Set.of(PATIENT, CLINIC, OPERATOR)),
            new Route("POST", "/api/consultations/" + UNKNOWN + "/phq9", "{\"phq9\": [0,0,0,0,0,0,0,0,0]}", Set.of(PATIENT)),
            new Route("PUT", "/api/consultations/" + UNKNOWN + "/preferred-windows", "{\"preferredWindows\": []}",
                    Set.of(PATIENT)),
            new Route("POST", "/api/consultations/" + UNKNOWN + "/visits/" + UNKNOWN + "/cancel", "{}", Set.of(PATIENT)),
            // DECISIONS 37: the owner changes how they are reached
            new Route("PUT", "/api/consultations/" + UNKNOWN + "/contact", "{\"preferredChannels\": [\"EMAIL\"], "
                    + "\"email\": \"a@example.test\", \"consent\": {\"sms\": false, \"email\": true}}",
                    Set.of(PATIENT)),
            // DECISIONS 3: the owner patient or an operator moves a visit; not the clinic
            new Route("POST", "/api/consultations/" + UNKNOWN + "/visits/" + UNKNOWN + "/reschedule",
                    "{\"preferredWindows\": " + Journey.windows(Journey.morning(10)) + "}", Set.of(PATIENT, OPERATOR)),
            // issue 21: erasure of a patient's personal data
            new Route("DELETE", "/api/consultations/" + UNKNOWN + "/personal-data", "{\"reason\": \"matrix\"}",
                    Set.of(OPERATOR)),
            new Route("POST", "/api/referrals", "{\"resourceType\": \"ServiceRequest\"}", Set.of(CLINIC)),
            new Route("GET", "/api/referrals?identifier=urn:test%7C1", null, Set.of(CLINIC, OPERATOR)),
            new Route("GET", "/api/referrals/" + UNKNOWN, null, Set.of(CLINIC, OPERATOR)),
            // DECISIONS 3: the FHIR base is the clinics' (its discovery documents need no token: not rows here)
            new Route("POST", "/api/fhir/ServiceRequest", "{\"resourceType\": \"ServiceRequest\"}", Set.of(CLINIC)),
            new Route("GET", "/api/fhir/ServiceRequest/" + UNKNOWN, null, Set.of(CLINIC)),
            new Route("GET", "/api/fhir/Task/" + UNKNOWN, null, Set.of(CLINIC)),
            new Route("GET", "/api/fhir/Task?focus=ServiceRequest/" + UNKNOWN, null, Set.of(CLINIC)),
            new Route("POST", "/api/fhir/Task/" + UNKNOWN + "/$cancel", "{\"resourceType\": \"Parameters\"}",
                    Set.of(CLINIC)),
            new Route("GET", "/api/subscriptions", null, Set.of(OPERATOR)),
            new Route("GET", "/api/screenings/review-queue", null, Set.of(CLINICIAN)),
            new Route("POST", "/api/screenings/" + UNKNOWN + "/decision", "{\"decision\": \"APPROVE\", \"note\": \"ok\"}",
                    Set.of(CLINICIAN)),
            new Route("POST", "/api/screenings/" + UNKNOWN + "/acknowledge", "{}", Set.of(CLINICIAN)),
            new Route("GET", "/api/screenings/alerts?open=true", null, Set.of(CLINICIAN)),
            new Route("GET", "/api/screenings/" + UNKNOWN + "/decisions", null, Set.of(CLINICIAN)),
            new Route("GET", "/api/nurse/visits", null, Set.of(NURSE)),
            new Route("POST", "/api/nurse/visits/" + UNKNOWN + "/status", "{\"status\": \"EN_ROUTE\"}", Set.of(NURSE)),
            new Route("POST", "/api/nurse/visits/" + UNKNOWN + "/decline", "{\"reason\": \"sick\"}", Set.of(NURSE)),
            new Route("GET", "/api/nurse/availability", null, Set.of(NURSE)),
            // nurse1's demo week again: an empty one would leave later tests without nurse1 (VisitRecordIT)
            new Route("PUT", "/api/nurse/availability", NURSE1_DEMO_WEEK, Set.of(NURSE)),
            // DECISIONS 3 and 47: the visit record (assigned nurse; clinicians read and acknowledge escalations)
            new Route("GET", "/api/nurse/visits/" + UNKNOWN + "/record", null, Set.of(NURSE)),
            new Route("POST", "/api/nurse/visits/" + UNKNOWN + "/record", "{\"kind\": \"VITALS\"}", Set.of(NURSE)),
            new Route("GET", "/api/visits/" + UNKNOWN + "/record", null, Set.of(CLINICIAN)),
            new Route("POST", "/api/visits/" + UNKNOWN + "/escalation/acknowledge", "{}", Set.of(CLINICIAN)),
            new Route("POST", "/api/nurses/" + UNKNOWN + "/stock", "{}", Set.of(OPERATOR)),
            new Route("GET", "/api/nurses/" + UNKNOWN + "/controlled-substances.csv", null, Set.of(OPERATOR)),
            new Route("GET", "/api/nurses", null, Set.of(OPERATOR)),
            new Route("GET", "/api/nurses/" + UNKNOWN, null, Set.of(OPERATOR)),
            new Route("POST", "/api/nurses", "{}", Set.of(OPERATOR)),
            new Route("PUT", "/api/nurses/" + UNKNOWN, "{}", Set.of(OPERATOR)),
            // DECISIONS 37: the operators' nurse day, reassignment and consultation search
            new Route("GET", "/api/nurses/" + UNKNOWN + "/visits?date=2026-12-01", null, Set.of(OPERATOR)),
            new Route("POST", "/api/visits/" + UNKNOWN + "/reassign", "{\"nurseId\": \"" + UNKNOWN + "\"}",
                    Set.of(OPERATOR)),
            new Route("GET", "/api/consultations?status=CONFIRMED&idPrefix=6f1c", null,
                    Set.of(PATIENT, CLINIC, CLINICIAN, OPERATOR)),
            new Route("GET", "/api/notifications?consultationId=" + UNKNOWN, null, Set.of(OPERATOR)),
            new Route("GET", "/api/ops/events", null, Set.of(OPERATOR)),
            new Route("GET", "/api/ops/consultations/" + UNKNOWN + "/timeline", null, Set.of(OPERATOR)),
            new Route("GET", "/api/ops/dead-letters", null, Set.of(OPERATOR)),
            new Route("POST", "/api/ops/dead-letters/booking.events.v1:0:999999/replay", "{}", Set.of(OPERATOR)));

    static Platform platform;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        platform = Platform.shared();
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Route route : ROUTES) {
            cells.add(Arguments.of(route, null));
            USERS.forEach(user -> cells.add(Arguments.of(route, user)));
        }
        return cells.stream();
    }

    /** DECISIONS 37: where to call in a crisis answers everyone, with or without a token. */
    @ParameterizedTest(name = "GET /api/crisis-resources as {0}")
    @MethodSource("anyone")
    void theCrisisResourcesAnswerEveryone(String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(platform.gateway.url() + "/api/crisis-resources"));
        if (user != null) {
            request.header("Authorization", "Bearer " + platform.token(user));
        }
        HttpResponse<String> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"911\"", "\"988\"", "741741");
    }

    static Stream<Arguments> anyone() {
        List<Arguments> callers = new ArrayList<>();
        callers.add(Arguments.of((String) null));
        USERS.forEach(user -> callers.add(Arguments.of(user)));
        return callers.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void eachRouteAnswersEachRoleAsTheContractSays(Route route, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gateway.url() + route.path()))
                .method(route.method(), route.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(route.body()));
        if (route.body() != null) {
            request.header("Content-Type", fhir(route) ? "application/fhir+json"
                    : "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Bearer " + platform.token(user));
        }

        // the event stream never ends: read the status and headers, then hang up
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse("");
        String text;
        try (InputStream in = response.body()) {
            text = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        int status = response.statusCode();
        if (user == null) {
            assertThat(status).isEqualTo(401);
        } else if (!route.allowed().contains(user)) {
            assertThat(status).as(text).isEqualTo(403);
        } else {
            assertThat(status).as(text).isNotIn(401, 403).isLessThan(500);
        }
        if (fhir(route)) {
            // partner clinics speak FHIR: errors are OperationOutcomes, answers FHIR resources
            assertThat(type).startsWith("application/fhir+json");
        } else {
            assertThat(type).matches(status >= 400 ? "application/problem\\+json.*" : "(application/json|text/event-stream).*");
        }
    }

    static boolean fhir(Route route) {
        return route.path().startsWith("/api/referrals") || route.path().startsWith("/api/fhir");
    }
}
