package com.housecall.e2e;

import static com.housecall.e2e.Journey.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.e2e.Journey.Patient;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.testsupport.TopicRecorder;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: screening hears of cancellations (DECISIONS 16, CONTRACT 11). A cancelled case leaves the clinicians'
 * queue and cannot be decided; a cancelled crisis case stops paging. Alerts repeat every {@link Platform#ALERT_REPEAT}
 * in this JVM, so "it stopped" is shown against a later marker: another case's second repeat, raised after the
 * withdrawal, on the same repeater.
 */
class CancelWithdrawsReviewIT {

    static TopicRecorder topics;
    final Journey journey = new Journey();

    @BeforeAll
    static void start() {
        topics = TopicRecorder.start(Journey.SHARED_TOPICS);
        Platform.shared();
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    boolean queued(String id) throws Exception {
        return journey.reviewQueue().stream().anyMatch(item -> item.get("consultationId").asString().equals(id));
    }

    List<TopicRecorder.Received> events(String id, String type) {
        return topics.matching(r -> id.equals(r.key()) && type.equals(r.header("ce_type")));
    }

    void cancel(String id) throws Exception {
        journey.ok(Journey.PATIENT, "POST", "/api/consultations/" + id + "/cancel", "{}");
    }

    void assertDecisionRefused(String id) throws Exception {
        Journey.Answer decision = journey.send("clinician1", "POST", "/api/screenings/" + id + "/decision",
                "{\"decision\": \"APPROVE\", \"note\": \"too late\"}");
        assertThat(decision.status()).as(decision.text()).isEqualTo(409);
        assertThat(decision.contentType()).startsWith("application/problem+json");
        assertThat(journey.view(id).get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void aCaseCancelledInReviewLeavesTheQueueAndCannotBeDecided() throws Exception {
        String id = journey.submit(Journey.request(Patient.fresh(), 1, 0, 8));
        journey.awaitStatus(id, "IN_REVIEW");
        await().atMost(PATIENCE).until(() -> queued(id));

        cancel(id);

        journey.awaitStatus(id, "CANCELLED");
        await().atMost(PATIENCE).until(() -> !queued(id));
        assertDecisionRefused(id);
    }

    @Test
    void aCrisisCaseCancelledOnHoldStopsItsRepeatingAlertAndLeavesTheQueue() throws Exception {
        Patient patient = Patient.fresh();
        String id = journey.submit(Journey.request(patient, 2, 1, 9));
        journey.awaitStatus(id, "SAFETY_HOLD");
        // it pages, and pages again while nobody acknowledges
        await().atMost(PATIENCE).until(() -> events(id, EventTypes.SAFETY_ALERT).size() >= 2);

        cancel(id);

        journey.awaitStatus(id, "CANCELLED");
        await().atMost(PATIENCE).until(() -> !events(id, EventTypes.SAFETY_WITHDRAWN).isEmpty());
        TopicRecorder.Received withdrawn = events(id, EventTypes.SAFETY_WITHDRAWN).getFirst();
        String alertId = Journey.JSON.readTree(events(id, EventTypes.SAFETY_ALERT).getFirst().value())
                .get("alertId").asString();
        assertThat(Journey.JSON.readTree(withdrawn.value()).get("alertId").asString()).isEqualTo(alertId);

        // marker: a case put on hold after the withdrawal repeats twice; the withdrawn one would have by then too
        String marker = journey.submit(Journey.request(Patient.fresh(), 2, 1, 10));
        await().atMost(PATIENCE).until(() -> events(marker, EventTypes.SAFETY_ALERT).size() >= 3);

        // same key, same partition: offsets order the alerts against the withdrawal
        assertThat(events(id, EventTypes.SAFETY_ALERT)).as("alerts after safety.withdrawn")
                .noneMatch(alert -> alert.offset() > withdrawn.offset());
        assertThat(events(id, EventTypes.SAFETY_WITHDRAWN)).as("safety.withdrawn").hasSize(1);
        assertThat(queued(id)).as("still in the review queue").isFalse();
        assertDecisionRefused(id);
        // the patient is told kindly, and pointed to 988 again (issue 12)
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(journey.sms(patient))
                .anyMatch(t -> Journey.mentionsCancel(t) && t.contains("988")));
        journey.writeMessages("cancelled-on-safety-hold", patient);
        Journey.assertWellFormedWithoutPhi(topics, id, patient);

        cancel(marker);
        await().atMost(PATIENCE).until(() -> !events(marker, EventTypes.SAFETY_WITHDRAWN).isEmpty());
    }
}
