package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.e2e.Journey.Answer;
import com.housecall.e2e.Journey.Patient;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, CONTRACT 11: a zone that does not fit the state, instants without seconds, problems without
 * {@code type} and unknown licence states, each through the gateway as a client meets them.
 */
class ValidationIT {

    /** Anything that looks like a date-time: it must then carry seconds (RFC 3339, CONTRACT 11). */
    static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");
    static final Pattern WITH_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    static final String UNKNOWN = UUID.randomUUID().toString();

    final Journey journey = new Journey();

    @BeforeAll
    static void start() {
        Platform.shared();
    }

    static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertProblem(answer);
    }

    /** A 4xx problem+json with type, title and its status. */
    static void assertProblem(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isBetween(400, 499);
        assertThat(answer.contentType()).as(answer.text()).startsWith("application/problem+json");
        assertThat(answer.body().hasNonNull("type")).as("type in " + answer.text()).isTrue();
        assertThat(answer.body().get("status").asInt()).isEqualTo(answer.status());
        assertThat(answer.body().hasNonNull("title")).as("title in " + answer.text()).isTrue();
    }

    static List<String> fields(Answer answer) {
        return answer.body().get("errors").findValuesAsString("field");
    }

    @Test
    void aCaliforniaAddressInNewYorkTimeIs400NamingTheZoneAndCreatesNothing() throws Exception {
        long before = journey.ok(Journey.PATIENT, "GET", "/api/consultations?size=1", null).get("totalItems").asLong();

        Answer answer = journey.send(Journey.PATIENT, "POST", "/api/consultations",
                Journey.request(Patient.in("CA", "America/New_York", "94107"), 2, 0, 3));

        assertProblem(answer, 400);
        assertThat(fields(answer)).contains("timeZone");
        assertThat(journey.ok(Journey.PATIENT, "GET", "/api/consultations?size=1", null).get("totalItems").asLong())
                .isEqualTo(before);
        // a state's own zone, and a legacy link to it, are fine (DECISIONS 15)
        assertThat(journey.send(Journey.PATIENT, "POST", "/api/consultations",
                Journey.request(Patient.in("NY", "America/New_York", "10001"), 2, 0, 3)).status()).isEqualTo(202);
        assertThat(journey.send(Journey.PATIENT, "POST", "/api/consultations",
                Journey.request(Patient.in("CA", "US/Pacific", "94107"), 2, 0, 3)).status()).isEqualTo(202);
    }

    @Test
    void everyInstantInAConfirmedConsultationCarriesSeconds() throws Exception {
        String id = journey.submit(Journey.request(Patient.fresh(), 2, 0, 14));
        journey.awaitStatus(id, "CONFIRMED");
        journey.awaitCourseSettled(id, 6);

        JsonNode view = journey.view(id);

        List<String> instants = Journey.strings(view).stream().filter(s -> DATE_TIME.matcher(s).matches()).toList();
        assertThat(instants).as("instants in the answer").isNotEmpty();
        assertThat(instants).as("instants without seconds").allMatch(s -> WITH_SECONDS.matcher(s).matches());
        assertThat(Journey.visits(view).getFirst().get("start").asString()).matches(".*T\\d{2}:\\d{2}:\\d{2}-0[78]:00");
    }

    @Test
    void problemBodiesFromEveryServiceAndTheGatewayCarryAType() throws Exception {
        // booking, screening, dispatch, notification, console: each its own 4xx, through the gateway
        assertProblem(journey.send(Journey.PATIENT, "GET", "/api/consultations/" + UNKNOWN, null), 404);
        assertProblem(journey.send(Journey.PATIENT, "POST", "/api/consultations", "{}"), 400);
        assertProblem(journey.send("clinician1", "POST", "/api/screenings/" + UNKNOWN + "/decision",
                "{\"decision\": \"APPROVE\", \"note\": \"ok\"}"), 404);
        assertProblem(journey.send("clinician1", "POST", "/api/screenings/" + UNKNOWN + "/decision",
                "{\"decision\": \"MAYBE\", \"note\": \"ok\"}"), 400);
        assertProblem(journey.send("operator1", "GET", "/api/nurses/" + UNKNOWN, null), 404);
        assertProblem(journey.send("nurse1", "POST", "/api/nurse/visits/" + UNKNOWN + "/status",
                "{\"status\": \"EN_ROUTE\"}"), 404);
        assertProblem(journey.send("operator1", "GET", "/api/notifications?consultationId=not-an-id", null), 400);
        assertProblem(journey.send("operator1", "POST", "/api/ops/dead-letters/booking.events.v1:0:999999/replay",
                "{}"));
        // a role the route does not allow (the service's), and the gateway's own: no token
        assertProblem(journey.send("nurse1", "GET", "/api/screenings/review-queue", null), 403);
        assertProblem(journey.send(null, "GET", "/api/consultations", null), 401);
    }

    @Test
    void aRosterNurseLicensedInAStateThatDoesNotExistIs400() throws Exception {
        String username = "nurse-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        long before = journey.ok("operator1", "GET", "/api/nurses?size=1", null).get("totalItems").asLong();
        String nurse = """
                {"displayName": "Robin E.", "username": "%s", "timeZone": "America/Los_Angeles",
                 "licenseStates": [%s], "skills": ["IV_THERAPY", "ACLS"], "homePostalCode": "94107",
                 "serviceAreaPrefixes": ["941"], "shifts": [{"dayOfWeek": "MONDAY", "start": "09:00", "end": "17:00"}],
                 "timeOff": []}""";

        Answer answer = journey.send("operator1", "POST", "/api/nurses", nurse.formatted(username, "\"XX\""));

        assertProblem(answer, 400);
        assertThat(fields(answer)).anyMatch(field -> field.startsWith("licenseStates"));
        assertThat(journey.ok("operator1", "GET", "/api/nurses?size=1", null).get("totalItems").asLong())
                .as("nurses on the roster").isEqualTo(before);
    }
}
