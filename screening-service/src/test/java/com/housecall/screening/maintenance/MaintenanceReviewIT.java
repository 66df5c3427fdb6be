package com.housecall.screening.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.booking.Phq9Answers;
import com.housecall.screening.ScreeningIntegration;
import com.housecall.testsupport.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A fresh PHQ-9 before a maintenance block comes back to the clinicians as a MAINTENANCE case. */
class MaintenanceReviewIT extends ScreeningIntegration {

    static final String QUEUE = "/api/screenings/review-queue?size=100";

    UUID screenedEligible() {
        UUID id = UUID.randomUUID();
        TestEvents.publish(intake(id, 0, List.of()), "booking-service");
        topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_COMPLETED, id.toString());
        return id;
    }

    JsonNode queueItem(UUID id) throws Exception {
        for (JsonNode item : json(get("clinician1", QUEUE)).get("items")) {
            if (item.get("consultationId").asString().equals(id.toString())) {
                return item;
            }
        }
        return null;
    }

    JsonNode awaitQueueItem(UUID id) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> queueItem(id), item -> item != null);
    }

    static Phq9Answers answers(UUID id, UUID submission, int item9) {
        return new Phq9Answers(id, submission, 1, "America/Los_Angeles", List.of(1, 1, 1, 1, 1, 1, 1, 1, item9),
                Instant.now());
    }

    @Test
    void aFreshPhq9IsReviewedAsMaintenanceAndApprovalRequestsTheBlock() throws Exception {
        UUID id = screenedEligible();
        TestEvents.publish(answers(id, UUID.randomUUID(), 0), "booking-service");

        JsonNode item = awaitQueueItem(id);
        assertThat(item.get("kind").asString()).isEqualTo("MAINTENANCE");
        assertThat(item.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(item.get("phq9").get("total").asInt()).isEqualTo(8);

        assertThat(post("clinician1", "/api/screenings/" + id + "/decision",
                "{\"decision\": \"APPROVE\", \"note\": \"stable, continue\"}").statusCode()).isEqualTo(200);
        var decided = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_DECIDED, id.toString());
        assertThat(decided.value()).contains("\"kind\":\"MAINTENANCE\"", "\"decision\":\"APPROVE\"").doesNotContain("stable");
    }

    @Test
    void selfHarmThoughtsBeforeMaintenanceStartTheCrisisPathway() {
        UUID id = screenedEligible();
        TestEvents.publish(answers(id, UUID.randomUUID(), 2), "booking-service");

        JsonNode item = awaitQueueItem(id);
        assertThat(item.get("status").asString()).isEqualTo("SAFETY_HOLD");
        assertThat(item.get("reasons").findValuesAsString("code")).contains("PHQ9_ITEM9_POSITIVE");
        topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SAFETY_ALERT, id.toString());
    }

    @Test
    void aRedeliveredSubmissionDoesNotReopenADecidedCase() throws Exception {
        UUID id = screenedEligible();
        UUID submission = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish(answers(id, submission, 0), "booking-service", eventId);
        awaitQueueItem(id);
        post("clinician1", "/api/screenings/" + id + "/decision", "{\"decision\": \"DECLINE\", \"note\": \"\"}");

        // the same submission again, under a new event id: the case stays decided
        TestEvents.awaitConsumed("screening-service",
                TestEvents.publish(answers(id, submission, 0), "booking-service", UUID.randomUUID().toString()));

        assertThat(queueItem(id)).isNull();
    }
}
