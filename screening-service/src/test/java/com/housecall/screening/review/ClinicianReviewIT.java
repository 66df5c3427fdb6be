package com.housecall.screening.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.events.EventSchemas;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.screening.ScreeningIntegration;
import com.housecall.testsupport.TestEvents;
import com.housecall.testsupport.TopicRecorder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ClinicianReviewIT extends ScreeningIntegration {

    static final String QUEUE = "/api/screenings/review-queue";

    @Autowired
    JdbcClient jdbc;

    /** Publishes the intake as booking would and waits until screening has announced its outcome. */
    static UUID screened(int age, int item9, List<String> medications) {
        UUID id = UUID.randomUUID();
        TestEvents.publish(intake(id, age, item9, medications), "booking-service");
        topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_COMPLETED, id.toString());
        return id;
    }

    static String decision(String decision, String note) {
        return "{\"decision\": \"%s\", \"note\": \"%s\"}".formatted(decision, note);
    }

    static String path(UUID id) {
        return "/api/screenings/" + id + "/decision";
    }

    JsonNode queueItem(UUID id) throws Exception {
        for (JsonNode item : json(get("clinician1", QUEUE + "?size=100")).get("items")) {
            if (item.get("consultationId").asString().equals(id.toString())) {
                return item;
            }
        }
        return null;
    }

    @Test
    void theQueueShowsSafetyHoldsFirstThenTheOldestWithTheClinicianDetail() throws Exception {
        UUID review = screened(38, 0, List.of("Xanax 1mg"));
        UUID crisis = screened(38, 1, List.of());

        HttpResponse<String> response = get("clinician1", QUEUE + "?size=100");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(100);
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(items.size()).isGreaterThanOrEqualTo(2);
        int lastHold = -1;
        int firstReview = Integer.MAX_VALUE;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).get("status").asString().equals("SAFETY_HOLD")) {
                lastHold = i;
            } else {
                firstReview = Math.min(firstReview, i);
            }
        }
        assertThat(lastHold).isLessThan(firstReview);
        for (int i = 1; i < items.size(); i++) {
            if (items.get(i).get("status").asString().equals(items.get(i - 1).get("status").asString())) {
                assertThat(Instant.parse(items.get(i).get("createdAt").asString()))
                        .isAfterOrEqualTo(Instant.parse(items.get(i - 1).get("createdAt").asString()));
            }
        }
        JsonNode reviewItem = queueItem(review);
        assertThat(reviewItem.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(reviewItem.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(reviewItem.get("kind").asString()).isEqualTo("INTAKE");
        assertThat(reviewItem.get("phq9").toString()).isEqualTo("{\"total\":12,\"band\":\"MODERATE\"}");
        assertThat(reviewItem.get("gad7").toString()).isEqualTo("{\"total\":5,\"band\":\"MILD\"}");
        assertThat(reviewItem.get("reasons").toString())
                .contains("INTERACTING_MEDICATION", "Interacting medication: alprazolam (benzodiazepine)");
        assertThat(queueItem(crisis).get("status").asString()).isEqualTo("SAFETY_HOLD");
    }

    @Test
    void pagingIsBoundedAndCounted() throws Exception {
        screened(38, 0, List.of("tramadol"));

        JsonNode page = json(get("clinician1", QUEUE + "?page=0&size=1"));
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(json(get("clinician1", QUEUE)).get("size").asInt()).isEqualTo(20);

        assertThat(get("clinician1", QUEUE + "?size=101").statusCode()).isEqualTo(400);
        assertThat(get("clinician1", QUEUE + "?page=-1").statusCode()).isEqualTo(400);
        assertThat(get("clinician1", QUEUE + "?size=x").headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void anApprovalIsAuditedAnnouncedWithoutTheNoteAndFinal() throws Exception {
        UUID id = screened(38, 0, List.of("Percocet 5/325"));

        HttpResponse<String> approved = post("clinician1", path(id), decision("APPROVE", "opioid taper agreed"));

        assertThat(approved.statusCode()).isEqualTo(200);
        JsonNode item = json(approved);
        // the case is settled here; the consultation's status is booking's (still IN_REVIEW as screening last heard)
        assertThat(item.get("caseStatus").asString()).isEqualTo("DECIDED");
        assertThat(item.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(item.get("outcome").asString()).isEqualTo("REVIEW");
        assertThat(item.get("decision").get("decision").asString()).isEqualTo("APPROVE");

        TopicRecorder.Received decided = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_DECIDED, id.toString());
        assertThat(decided.value()).contains("\"decision\":\"APPROVE\"", "\"kind\":\"INTAKE\"", "\"outcome\":\"REVIEW\"")
                .doesNotContain("taper");
        assertThat(EventSchemas.violations(EventTypes.SCREENING_DECIDED, decided.value().getBytes(StandardCharsets.UTF_8))).isEmpty();

        assertThat(jdbc.sql("SELECT decided_by, note FROM screening_decision WHERE consultation_id = ?")
                .param(id.toString()).query().listOfRows())
                .singleElement().satisfies(row -> {
                    assertThat(row.get("decided_by")).isEqualTo("clinician1");
                    assertThat(row.get("note")).isEqualTo("opioid taper agreed");
                });
        assertThat(queueItem(id)).isNull();

        assertThat(post("clinician1", path(id), decision("DECLINE", "second thoughts")).statusCode()).isEqualTo(409);
        assertThat(post("clinician1", path(id), decision("APPROVE", "again")).statusCode()).isEqualTo(409);
    }

    @Test
    void aCrisisWithAnExclusionCanOnlyBeDeclined() throws Exception {
        UUID id = screened(16, 2, List.of());

        HttpResponse<String> approve = post("clinician1", path(id), decision("APPROVE", "no"));
        assertThat(approve.statusCode()).isEqualTo(409);
        assertThat(approve.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

        HttpResponse<String> decline = post("clinician1", path(id), decision("DECLINE", "under 18"));
        assertThat(decline.statusCode()).isEqualTo(200);
        assertThat(json(decline).get("caseStatus").asString()).isEqualTo("DECIDED");
        assertThat(json(decline).get("status").asString()).isEqualTo("SAFETY_HOLD");
        assertThat(topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_DECIDED, id.toString()).value())
                .contains("\"decision\":\"DECLINE\"", "\"outcome\":\"CRISIS\"");
    }

    @Test
    void casesNotInReviewAreConflicts() throws Exception {
        UUID eligible = screened(38, 0, List.of());
        UUID ineligible = screened(17, 0, List.of());

        assertThat(post("clinician1", path(eligible), decision("APPROVE", "")).statusCode()).isEqualTo(409);
        assertThat(post("clinician1", path(ineligible), decision("DECLINE", "")).statusCode()).isEqualTo(409);
    }

    @Test
    void badRequestsAndUnknownCases() throws Exception {
        UUID id = screened(38, 0, List.of("Adderall"));

        assertThat(post("clinician1", path(id), decision("MAYBE", "")).statusCode()).isEqualTo(400);
        assertThat(post("clinician1", path(id), "{\"note\": \"no decision\"}").statusCode()).isEqualTo(400);
        assertThat(post("clinician1", path(UUID.randomUUID()), decision("APPROVE", "")).statusCode()).isEqualTo(404);
        assertThat(post("clinician1", "/api/screenings/not-a-uuid/decision", decision("APPROVE", "")).statusCode())
                .isEqualTo(404);
        assertThat(queueItem(id).get("status").asString()).isEqualTo("IN_REVIEW");
    }

    @Test
    void onlyCliniciansMayReviewOrDecide() throws Exception {
        UUID id = screened(38, 0, List.of("Ritalin"));

        assertThat(get(null, QUEUE).statusCode()).isEqualTo(401);
        assertThat(post(null, path(id), decision("APPROVE", "")).statusCode()).isEqualTo(401);
        for (String user : List.of("patient1", "nurse1", "operator1", "clinic-a")) {
            assertThat(get(user, QUEUE).statusCode()).as(user).isEqualTo(403);
            assertThat(post(user, path(id), decision("APPROVE", "")).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(queueItem(id).get("status").asString()).isEqualTo("IN_REVIEW");
    }
}
