package com.housecall.screening.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.booking.PersonalDataErased;
import com.housecall.screening.ScreeningIntegration;
import com.housecall.testsupport.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Erasure in screening-service (issue 21): a decision's free-text note goes; the outcome, its reasons, the decision,
 * who made it and when stay. The sealed intake, delivered again after its data key was shredded, opens no more.
 */
class PersonalDataErasureIT extends ScreeningIntegration {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theNoteGoesAndTheDecisionStays() throws Exception {
        UUID id = UUID.randomUUID();
        TestEvents.publish(intake(id, 38, 0, List.of("Xanax 1mg")), "booking-service");
        topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_COMPLETED, id.toString());
        assertThat(post("clinician1", "/api/screenings/" + id + "/decision",
                "{\"decision\": \"APPROVE\", \"note\": \"Spoke with Ada Lovelace\"}").statusCode()).isEqualTo(200);

        TestEvents.shred(id);
        TestEvents.publish(new PersonalDataErased(id, Instant.now()), "booking-service");

        await().atMost(Duration.ofSeconds(60)).until(() -> !decisions(id).toString().contains("Lovelace"));
        JsonNode decision = decisions(id).get("items").get(0);
        assertThat(decision.get("decision").asString()).isEqualTo("APPROVE");
        assertThat(decision.get("decidedBy").asString()).isEqualTo("clinician1");

        String again = UUID.randomUUID().toString();
        TestEvents.awaitConsumed("screening-service", TestEvents.publish(intake(id, 38, 1, List.of()),
                "booking-service", again));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?").param(again)
                .query(Long.class).single()).as("skipped before the inbox: nothing opened").isZero();
    }

    private JsonNode decisions(UUID id) throws Exception {
        return json(get("clinician1", "/api/screenings/" + id + "/decisions"));
    }
}
