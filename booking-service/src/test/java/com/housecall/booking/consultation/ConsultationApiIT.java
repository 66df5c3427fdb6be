package com.housecall.booking.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.screening.CaseKind;
import com.housecall.events.screening.Decision;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.booking.BookingIntegration;
import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.HousecallTestInfrastructure;
import com.housecall.testsupport.TestEvents;
import com.housecall.testsupport.TopicRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConsultationApiIT extends BookingIntegration {

    @Test
    void aPatientsRequestIsAcceptedAndAnnouncedOnEachTopicWithoutPhiOnTheSharedOne() throws Exception {
        HttpResponse<String> response = post(DevJwt.token("patient1"), validRequest(0));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(response.body());
        String id = body.get("id").asString();
        assertThat(body.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(body.has("crisisResources")).isFalse();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/consultations/" + id);

        var requested = topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_REQUESTED, id);
        assertThat(requested.value()).doesNotContain("Ada", "Lovelace", "1 Main St", "ada@example.test", "1988");
        assertThat(topics.opened(topics.awaitOne(Topics.BOOKING_INTAKE, EventTypes.INTAKE_SUBMITTED, id)))
                .contains("sertraline");
        assertThat(topics.opened(topics.awaitOne(Topics.BOOKING_CONTACTS, EventTypes.CONTACT_UPDATED, id)))
                .contains("ada@example.test");

        JsonNode view = JSON.readTree(get(DevJwt.token("patient1"), "/api/consultations/" + id).body());
        assertThat(view.get("patient").get("givenName").asString()).isEqualTo("Ada");
        assertThat(view.get("timeline").get(0).get("type").asString()).isEqualTo("consultation.requested");
    }

    @Test
    void crisisAnswersBringCrisisResourcesAtOnce() throws Exception {
        JsonNode body = JSON.readTree(post(DevJwt.token("patient1"), validRequest(1)).body());

        assertThat(body.get("crisisResources").findValuesAsString("phone")).containsExactly("911", "988");
    }

    @Test
    void anotherPatientsConsultationIsNotFoundAndOperatorsSeeNoPhi() throws Exception {
        String id = JSON.readTree(post(DevJwt.token("patient1"), validRequest(0)).body()).get("id").asString();

        assertThat(get(DevJwt.token("patient2"), "/api/consultations/" + id).statusCode()).isEqualTo(404);
        assertThat(get(DevJwt.token("patient2"), "/api/consultations/not-a-uuid").statusCode()).isEqualTo(404);
        HttpResponse<String> operatorView = get(DevJwt.token("operator1"), "/api/consultations/" + id);
        assertThat(operatorView.statusCode()).isEqualTo(200);
        assertThat(operatorView.body()).doesNotContain("Ada", "sertraline");
    }

    @Test
    void invalidFieldsAreNamedInAProblemAndNothingIsStored() throws Exception {
        String body = validRequest(0).replace("[2, 2, 1, 2, 1, 2, 1, 1, 0]", "[2, 2, 1, 2, 1, 2, 1, 1, 4]")
                .replace("\"pregnant\": false,", "");

        HttpResponse<String> response = post(DevJwt.token("patient1"), body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("errors").findValuesAsString("field"))
                .contains("intake.phq9[8]", "intake.pregnant");
    }

    @Test
    void withoutATokenItIs401AndAClinicianMayNotRequest() throws Exception {
        assertThat(post(null, validRequest(0)).statusCode()).isEqualTo(401);
        assertThat(post(DevJwt.token("patient1", c -> c.audience("other-api")), validRequest(0)).statusCode()).isEqualTo(401);
        assertThat(post(DevJwt.token("clinician1"), validRequest(0)).statusCode()).isEqualTo(403);
    }

    /** A consultation as screening-service would leave it: screened with {@code outcome}. */
    String screenedAs(String outcome, String code) throws Exception {
        String id = JSON.readTree(post(DevJwt.token("patient1"), validRequest(0)).body()).get("id").asString();
        TestEvents.publish(new ScreeningCompleted(UUID.fromString(id), ScreeningOutcome.valueOf(outcome), "1",
                List.of(new ScreeningCompleted.Reason(code, "A reason.")), new ScreeningCompleted.Score(12, "MODERATE"),
                null, Instant.now()), "screening-service");
        awaitStatus(id, "REVIEW".equals(outcome) ? "IN_REVIEW" : "SAFETY_HOLD");
        return id;
    }

    @Test
    void aClinicianApprovalSchedulesLikeAnEligibleOutcome() throws Exception {
        String id = screenedAs("REVIEW", "INTERACTING_MEDICATION");
        assertThat(awaitStatus(id, "IN_REVIEW").get("screening").get("decision").isNull()).isTrue();
        Instant decidedAt = Instant.parse("2026-11-26T17:00:00.123Z");

        TestEvents.publish(new ScreeningDecided(UUID.fromString(id), Decision.APPROVE, CaseKind.INTAKE, decidedAt), "screening-service");

        JsonNode view = awaitStatus(id, "SCHEDULING");
        assertThat(view.get("screening").get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(view.get("screening").get("decision").toString())
                .isEqualTo("{\"decision\":\"APPROVE\",\"at\":\"2026-11-26T17:00:00.123Z\"}");
        assertThat(view.get("visits").get(0).get("status").asString()).isEqualTo("REQUESTED");
        assertThat(view.get("timeline").findValuesAsString("type")).contains("screening.decided", "visit.requested");
        assertThat(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.VISIT_REQUESTED, id).value()).contains("INDUCTION");
    }

    @Test
    void aDeclinedSafetyHoldIsIneligibleAndNothingIsScheduled() throws Exception {
        String id = screenedAs("CRISIS", "PHQ9_ITEM9_POSITIVE");

        TestEvents.publish(new ScreeningDecided(UUID.fromString(id), Decision.DECLINE, CaseKind.INTAKE, Instant.now()), "screening-service");

        JsonNode view = awaitStatus(id, "INELIGIBLE");
        assertThat(view.get("screening").get("outcome").asString()).isEqualTo("CRISIS");
        assertThat(view.get("screening").get("decision").get("decision").asString()).isEqualTo("DECLINE");
        assertThat(view.get("visits")).isEmpty();
        assertThat(topics.matching(r -> id.equals(r.header("ce_subject"))
                && EventTypes.VISIT_REQUESTED.equals(r.header("ce_type")))).isEmpty();
    }
}
