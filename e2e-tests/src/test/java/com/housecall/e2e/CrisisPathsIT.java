package com.housecall.e2e;

import static com.housecall.e2e.Journey.PATIENCE;
import static com.housecall.e2e.Journey.QUIET;
import static com.housecall.e2e.Journey.mentionsCancel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.e2e.Journey.Mail;
import com.housecall.e2e.Journey.Patient;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.testsupport.TestKafka;
import com.housecall.testsupport.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12, crisis: whatever path leads to SAFETY_HOLD, the patient gets the crisis message (911, 988) at once on
 * every consented channel, once (also when the hold is delivered twice), and never a misleading "your visit is
 * cancelled" text (CLINICAL-RULES section 4, DECISIONS 8).
 */
class CrisisPathsIT {

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

    @Test
    void aFreshPhq9WithItem9OnAConfirmedCourseSendsTheCrisisMessageOnEachChannelAndNoCancellationTexts()
            throws Exception {
        Patient patient = Patient.fresh();
        String id = journey.submit(Journey.request(patient, 2, 0, 3));
        journey.awaitStatus(id, "CONFIRMED");
        journey.awaitCourseSettled(id, 6);
        int smsBefore = journey.sms(patient).size();
        int mailsBefore = journey.mails(patient).size();

        journey.ok(Journey.PATIENT, "POST", "/api/consultations/" + id + "/phq9",
                "{\"phq9\": [2, 2, 2, 2, 1, 2, 1, 1, 1]}");

        journey.awaitStatus(id, "SAFETY_HOLD");
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(journey.smsAfter(patient, smsBefore))
                    .as("SMS after the fresh PHQ-9").anyMatch(Journey::isCrisis);
            assertThat(journey.mailsAfter(patient, mailsBefore))
                    .as("emails after the fresh PHQ-9").anyMatch(Journey::isCrisisMail);
        });
        // the hold cancels the visits; their cancellations must not reach the patient as texts
        await().atMost(PATIENCE).until(() -> Journey.visits(journey.view(id)).stream()
                .allMatch(v -> v.get("status").asString().equals("CANCELLED")));
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).untilAsserted(() -> {
            List<String> texts = journey.smsAfter(patient, smsBefore);
            assertThat(texts).as("SMS after the fresh PHQ-9").filteredOn(Journey::isCrisis).hasSize(1);
            assertThat(texts).as("SMS after the fresh PHQ-9").noneMatch(Journey::mentionsCancel);
            List<Mail> mails = journey.mailsAfter(patient, mailsBefore);
            assertThat(mails).as("emails after the fresh PHQ-9").filteredOn(Journey::isCrisisMail).hasSize(1);
            assertThat(mails).as("emails after the fresh PHQ-9")
                    .noneMatch(m -> mentionsCancel(m.subject()));
        });

        List<TopicRecorder.Received> held = topics.matching(r -> id.equals(r.key())
                && EventTypes.CONSULTATION_HELD.equals(r.header("ce_type")));
        assertThat(held).as("consultation.held").hasSize(1);
        assertThat(held.getFirst().value()).contains("CRISIS_PHQ9");
        assertThat(topics.matching(r -> id.equals(r.key()) && EventTypes.VISIT_CANCELLED.equals(r.header("ce_type"))))
                .as("visit.cancelled").isNotEmpty().allMatch(r -> r.value().contains("SAFETY_HOLD"));
        journey.writeMessages("crisis-at-a-fresh-phq9", patient);
        Journey.assertWellFormedWithoutPhi(topics, id, patient);
        // stop any repeating alert for the other tests (answers 200 or, without an alert, 404/409)
        journey.send("clinician1", "POST", "/api/screenings/" + id + "/acknowledge", null);
    }

    @Test
    void aCrisisAtIntakeSendsExactlyOneCrisisMessageToEachConsentedChannelEvenOneNotPreferred() throws Exception {
        Patient patient = Patient.fresh();
        // email preferred, SMS only consented: a crisis goes to every consented channel all the same
        String id = journey.submit(Journey.request(patient, "\"EMAIL\"", 2, 1,
                Journey.windows(Journey.morning(4))));

        journey.awaitStatus(id, "SAFETY_HOLD");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(journey.sms(patient)).anyMatch(Journey::isCrisis);
            assertThat(journey.mails(patient)).anyMatch(Journey::isCrisisMail);
        });
        await().during(QUIET).atMost(QUIET.multipliedBy(3)).untilAsserted(() -> {
            assertThat(journey.sms(patient)).filteredOn(Journey::isCrisis).hasSize(1);
            assertThat(journey.mails(patient)).filteredOn(Journey::isCrisisMail).hasSize(1);
        });
        String crisisSms = journey.sms(patient).stream().filter(Journey::isCrisis).findFirst().orElseThrow();
        assertThat(crisisSms).as("the crisis SMS (DECISIONS 7: 911 and 988 first, no link)")
                .hasSizeLessThanOrEqualTo(160).contains("Housecall").doesNotContain("http");
        assertThat(topics.matching(r -> id.equals(r.key()) && EventTypes.CONSULTATION_HELD.equals(r.header("ce_type"))))
                .as("consultation.held").hasSize(1).allMatch(r -> r.value().contains("CRISIS_INTAKE"));
        journey.writeMessages("crisis-at-intake", patient);
        Journey.assertWellFormedWithoutPhi(topics, id, patient);

        // the case stays on hold for the clinician: answer it so its alert stops repeating for the other tests
        journey.ok("clinician1", "POST", "/api/screenings/" + id + "/acknowledge", null);
        JsonNode view = journey.view(id);
        assertThat(view.get("status").asString()).isEqualTo("SAFETY_HOLD");
    }
    /** Puts a record on its topic again, exactly as it was: same key, headers (the CloudEvents id) and payload. */
    static void redeliver(TopicRecorder.Received record) throws Exception {
        java.util.Properties config = new java.util.Properties();
        config.put("bootstrap.servers", TestKafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> again = new ProducerRecord<>(record.topic(), record.key(), record.value());
            record.headers().forEach((name, value) -> again.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(again).get();
        }
    }

    @Test
    void aRedeliveredHoldSendsNoSecondCrisisMessage() throws Exception {
        Patient patient = Patient.fresh();
        String id = journey.submit(Journey.request(patient, 2, 1, 12));
        journey.awaitStatus(id, "SAFETY_HOLD");
        TopicRecorder.Received held = topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_HELD, id);
        await().atMost(PATIENCE).until(() -> journey.sms(patient).stream().anyMatch(Journey::isCrisis));

        redeliver(held);
        // marker: the cancel comes after the copy on the same partition, and notifications take them in turn
        journey.ok(Journey.PATIENT, "POST", "/api/consultations/" + id + "/cancel", "{}");

        await().atMost(PATIENCE).until(() -> journey.sms(patient).stream().anyMatch(Journey::mentionsCancel));
        assertThat(journey.sms(patient)).as("crisis SMS").filteredOn(Journey::isCrisis).hasSize(1);
        assertThat(journey.mails(patient)).as("crisis emails").filteredOn(Journey::isCrisisMail).hasSize(1);
    }
}
