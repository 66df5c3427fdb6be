package com.housecall.screening.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventSchemas;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.screening.ScreeningIntegration;
import com.housecall.testsupport.TestEvents;
import com.housecall.testsupport.TopicRecorder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The crisis pathway with the repeat shortened to 1 s (see {@link ScreeningIntegration}). */
class SafetyAlertIT extends ScreeningIntegration {

    @Autowired
    JdbcClient jdbc;

    static String acknowledge(UUID id) {
        return "/api/screenings/" + id + "/acknowledge";
    }

    static List<TopicRecorder.Received> alerts(UUID id) {
        return topics.matching(r -> id.toString().equals(r.header("ce_subject"))
                && EventTypes.SAFETY_ALERT.equals(r.header("ce_type")));
    }

    static List<TopicRecorder.Received> acknowledgements(UUID id) {
        return topics.matching(r -> id.toString().equals(r.header("ce_subject"))
                && EventTypes.SAFETY_ACKNOWLEDGED.equals(r.header("ce_type")));
    }

    static int sequence(TopicRecorder.Received alert) {
        return JSON.readTree(alert.value()).get("sequence").asInt();
    }

    @Test
    void aCrisisAlertsAtOnceAndRepeatsUntilAClinicianAcknowledges() throws Exception {
        UUID id = UUID.randomUUID();
        TestEvents.publish(intake(id, 3, List.of("Xanax")), "booking-service");

        TopicRecorder.Received completed = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_COMPLETED, id.toString());
        TopicRecorder.Received first = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SAFETY_ALERT, id.toString());
        assertThat(first.offset()).isGreaterThan(completed.offset());
        assertThat(sequence(first)).isEqualTo(1);
        assertThat(first.value()).doesNotContainIgnoringCase("xanax");
        assertThat(EventSchemas.violations(EventTypes.SAFETY_ALERT, first.value().getBytes(StandardCharsets.UTF_8))).isEmpty();

        await().atMost(Duration.ofSeconds(15)).until(() -> alerts(id).size() >= 3);
        assertThat(alerts(id)).extracting(SafetyAlertIT::sequence).startsWith(1, 2, 3);
        assertThat(alerts(id)).extracting(r -> JSON.readTree(r.value()).get("alertId").asString()).containsOnly(
                JSON.readTree(first.value()).get("alertId").asString());

        HttpResponse<String> acknowledged = post("clinician1", acknowledge(id), "");
        assertThat(acknowledged.statusCode()).isEqualTo(200);
        JsonNode state = json(acknowledged);
        assertThat(state.get("acknowledged").asBoolean()).isTrue();
        assertThat(state.get("acknowledgedBy").asString()).isEqualTo("clinician1");
        assertThat(state.get("nextDueAt").isNull()).isTrue();
        int raised = state.get("sequence").asInt();

        HttpResponse<String> again = post("clinician1", acknowledge(id), "");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again)).isEqualTo(state);

        TopicRecorder.Received ack = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SAFETY_ACKNOWLEDGED, id.toString());
        assertThat(EventSchemas.violations(EventTypes.SAFETY_ACKNOWLEDGED, ack.value().getBytes(StandardCharsets.UTF_8))).isEmpty();
        // no more alerts over three repeat intervals, and the acknowledgement went out once
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> alerts(id).size() == raised && acknowledgements(id).size() == 1);
    }

    @Test
    void aDueTimeLeftByAnEarlierRunIsHonoured() {
        UUID id = UUID.randomUUID();
        UUID alertId = UUID.randomUUID();
        Instant earlier = Instant.now().minus(Duration.ofMinutes(40));
        jdbc.sql("""
                        INSERT INTO safety_alert (alert_id, consultation_id, sequence, raised_at, last_raised_at, next_due_at)
                        VALUES (?, ?, 3, ?, ?, ?)""")
                .params(alertId.toString(), id.toString(), earlier.atOffset(ZoneOffset.UTC),
                        earlier.plus(Duration.ofMinutes(30)).atOffset(ZoneOffset.UTC),
                        earlier.plus(Duration.ofMinutes(45)).atOffset(ZoneOffset.UTC).minusMinutes(10))
                .update();

        TopicRecorder.Received next = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SAFETY_ALERT, id.toString());

        assertThat(sequence(next)).isEqualTo(4);
        assertThat(next.value()).contains(alertId.toString());
    }

    @Test
    void onlyACrisisHasAnAlertToAcknowledgeAndOnlyCliniciansMay() throws Exception {
        UUID review = UUID.randomUUID();
        TestEvents.publish(intake(review, 0, List.of("tramadol")), "booking-service");
        topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_COMPLETED, review.toString());

        assertThat(post("clinician1", acknowledge(review), "").statusCode()).isEqualTo(404);
        assertThat(post("clinician1", acknowledge(UUID.randomUUID()), "").statusCode()).isEqualTo(404);
        assertThat(post("clinician1", "/api/screenings/nope/acknowledge", "").statusCode()).isEqualTo(404);
        assertThat(post(null, acknowledge(review), "").statusCode()).isEqualTo(401);
        for (String user : List.of("patient1", "nurse1", "operator1", "clinic-a")) {
            assertThat(post(user, acknowledge(review), "").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(alerts(review)).isEmpty();
    }
}
