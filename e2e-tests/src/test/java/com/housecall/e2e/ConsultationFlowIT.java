package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.EventSchemas;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.testsupport.TopicRecorder;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patient asks for a consultation through the gateway with a real Keycloak token; it is screened, a nurse is
 * dispatched, and the patient gets an email.
 */
class ConsultationFlowIT {

    static final List<String> ALL_TOPICS = List.of(Topics.BOOKING_EVENTS, Topics.SCREENING_EVENTS, Topics.DISPATCH_EVENTS,
            Topics.NOTIFICATION_EVENTS, Topics.BOOKING_INTAKE, Topics.BOOKING_CONTACTS, Topics.BOOKING_LOCATIONS);
    static final List<String> SHARED_TOPICS = ALL_TOPICS.stream().filter(t -> !Topics.carriesPhi(t)).toList();
    static final List<String> PHI = List.of("Ada", "Lovelace", "1988-02-14", "ada@example.test", "+14155550100",
            "1 Main St", "San Francisco", "94107", "sertraline");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    static Platform platform;
    static TopicRecorder topics;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        topics = TopicRecorder.start(ALL_TOPICS.toArray(String[]::new));
        platform = Platform.shared();
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    /** A Monday-to-Saturday morning two or more days ahead, when the demo nurses work. */
    static OffsetDateTime windowStart() {
        LocalDate day = LocalDate.now(LOS_ANGELES).plusDays(2);
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(LocalTime.of(9, 0)).atZone(LOS_ANGELES).toOffsetDateTime();
    }

    static String request() {
        return request(2, 0);
    }

    static String request(int failedTrials, int item9) {
        OffsetDateTime start = windowStart();
        return """
                {"patient": {"givenName": "Ada", "familyName": "Lovelace", "dateOfBirth": "1988-02-14",
                  "email": "ada@example.test", "phone": "+14155550100", "preferredChannels": ["EMAIL"]},
                 "address": {"line1": "1 Main St", "city": "San Francisco", "state": "CA", "postalCode": "94107"},
                 "timeZone": "America/Los_Angeles",
                 "intake": {"phq9": [2, 2, 1, 2, 1, 2, 1, 1, %d], "gad7": [1, 1, 1, 1, 0, 0, 1],
                   "failedAntidepressantTrials": %d, "conditions": [], "medications": ["sertraline 100 mg"],
                   "alcoholUseDisorder": false, "substanceUseDisorder": false, "pregnant": false,
                   "breastfeeding": false, "bloodPressure": {"systolic": 124, "diastolic": 80},
                   "inPersonEvaluationCompleted": true},
                 "preferredWindows": [{"start": "%s", "end": "%s"}],
                 "consent": {"treatment": true, "sms": false, "email": true}}""".formatted(item9, failedTrials, start,
                start.plusHours(4));
    }

    JsonNode call(HttpRequest.Builder request) throws Exception {
        return call("patient1", request);
    }

    JsonNode call(String user, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + platform.token(user))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    static String recipients(MimeMessage mail) {
        try {
            return java.util.Arrays.toString(mail.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRequestBecomesAConfirmedVisitAndAnEmailWithEveryEventWellFormedAndNoPhiShared() throws Exception {
        String id = call(HttpRequest.newBuilder(URI.create(platform.gateway.url() + "/api/consultations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request()))).get("id").asString();

        URI consultation = URI.create(platform.gateway.url() + "/api/consultations/" + id);
        await().atMost(Duration.ofSeconds(90)).until(() -> call(HttpRequest.newBuilder(consultation).GET())
                .get("status").asString().equals("CONFIRMED"));

        JsonNode view = call(HttpRequest.newBuilder(consultation).GET());
        JsonNode visit = view.get("visits").get(0);
        assertThat(visit.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(OffsetDateTime.parse(visit.get("start").asString())).isAfterOrEqualTo(windowStart())
                .isBeforeOrEqualTo(windowStart().plusHours(4));
        assertThat(view.get("screening").get("outcome").asString()).isEqualTo("ELIGIBLE");
        assertThat(view.get("timeline").findValuesAsString("type")).contains("consultation.requested",
                "screening.completed", "visit.scheduled", "booking.confirmed");

        topics.awaitOne(Topics.NOTIFICATION_EVENTS, EventTypes.NOTIFICATION_SENT, id);
        List<MimeMessage> mails = java.util.Arrays.stream(platform.smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains("ada@example.test")).toList();
        assertThat(mails).isNotEmpty();

        List<TopicRecorder.Received> records = topics.matching(r -> id.equals(r.key()));
        assertThat(records).extracting(TopicRecorder.Received::topic).containsAll(ALL_TOPICS);
        for (TopicRecorder.Received record : records) {
            assertThat(record.header(CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(UUID.fromString(record.header(CloudEventHeaders.ID))).isNotNull();
            assertThat(record.header(CloudEventHeaders.SOURCE)).matches("/housecall/(booking|screening|dispatch|notification)-service");
            assertThat(OffsetDateTime.parse(record.header(CloudEventHeaders.TIME))).isNotNull();
            assertThat(record.header(CloudEventHeaders.SUBJECT)).isEqualTo(id);
            assertThat(record.header(CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            // a PHI topic's record validates once opened; its raw bytes, like every other topic's, hold no PHI
            assertThat(EventSchemas.violations(record.header(CloudEventHeaders.TYPE),
                    topics.opened(record).getBytes(StandardCharsets.UTF_8)))
                    .as(record.header(CloudEventHeaders.TYPE)).isEmpty();
            // (random base64 may hold a three-letter word: sealed values are checked for the longer details)
            Phi.assertAbsent(record.value(), record.header(CloudEventHeaders.TYPE), SHARED_TOPICS.contains(
                    record.topic()) ? PHI : PHI.stream().filter(detail -> detail.length() > 4).toList());
        }
    }

    String submit(String body) throws Exception {
        return call(HttpRequest.newBuilder(URI.create(platform.gateway.url() + "/api/consultations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))).get("id").asString();
    }

    void awaitStatus(String id, String status) {
        URI consultation = URI.create(platform.gateway.url() + "/api/consultations/" + id);
        await().atMost(Duration.ofSeconds(90)).until(() -> call(HttpRequest.newBuilder(consultation).GET())
                .get("status").asString().equals(status));
    }

    void decide(String id, String decision) throws Exception {
        call("clinician1", HttpRequest.newBuilder(URI.create(platform.gateway.url() + "/api/screenings/" + id + "/decision"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"" + decision + "\", \"note\": \"seen\"}")));
    }

    @Test
    void aCaseInReviewIsScheduledOnceAClinicianApprovesIt() throws Exception {
        String id = submit(request(1, 0));
        awaitStatus(id, "IN_REVIEW");

        decide(id, "APPROVE");

        awaitStatus(id, "CONFIRMED");
    }

    @Test
    void aCrisisWaitsOnSafetyHoldAlertsTheClinicianAndIsScheduledOnlyAfterTheirDecision() throws Exception {
        String id = submit(request(2, 1));
        awaitStatus(id, "SAFETY_HOLD");
        topics.awaitOne(Topics.SCREENING_EVENTS, "com.housecall.safety.alert", id);
        assertThat(topics.matching(r -> id.equals(r.key()) && EventTypes.VISIT_REQUESTED.equals(r.header("ce_type"))))
                .isEmpty();

        call("clinician1", HttpRequest.newBuilder(URI.create(platform.gateway.url() + "/api/screenings/" + id + "/acknowledge"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        decide(id, "APPROVE");

        awaitStatus(id, "CONFIRMED");
    }
}
