package com.housecall.screening.intake;

import com.housecall.events.CloudEventHeaders;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.events.EventSchemas;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.screening.ScreeningIntegration;
import com.housecall.testsupport.TestEvents;
import com.housecall.testsupport.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntakeScreeningIT extends ScreeningIntegration {

    @Test
    void anEligibleIntakeIsScreenedAndAnnouncedWithScores() {
        UUID id = UUID.randomUUID();
        TestEvents.publish(intake(id, 0, List.of()), "booking-service");

        TopicRecorder.Received started = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_STARTED, id.toString());
        TopicRecorder.Received completed = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_COMPLETED, id.toString());

        assertThat(started.offset()).isLessThan(completed.offset());
        assertThat(completed.value()).contains("\"outcome\":\"ELIGIBLE\"", "\"total\":12", "\"band\":\"MODERATE\"");
        assertThat(completed.header("ce_source")).isEqualTo("/housecall/screening-service");
        assertThat(EventSchemas.violations(EventTypes.SCREENING_COMPLETED, completed.value().getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aCrisisAnswerIsACrisisAndTheSharedTopicNeverNamesTheDrug() {
        UUID id = UUID.randomUUID();
        TestEvents.publish(intake(id, 2, List.of("Xanax 1mg")), "booking-service");

        TopicRecorder.Received completed = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_COMPLETED, id.toString());

        assertThat(completed.value()).contains("\"outcome\":\"CRISIS\"", "PHQ9_ITEM9_POSITIVE", "INTERACTING_MEDICATION")
                .doesNotContainIgnoringCase("xanax").doesNotContain("alprazolam");
    }

    @Test
    void aRedeliveredIntakeIsScreenedOnce() {
        UUID id = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish(intake(id, 0, List.of()), "booking-service", eventId);
        TestEvents.publish(intake(id, 0, List.of()), "booking-service", eventId);
        TestEvents.publish(intake(id, 0, List.of()), "booking-service");
        UUID marker = UUID.randomUUID();
        TestEvents.publish(intake(marker, 0, List.of()), "booking-service");

        topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_COMPLETED, marker.toString());

        assertThat(topics.matching(r -> id.toString().equals(r.header("ce_subject"))
                && EventTypes.SCREENING_COMPLETED.equals(r.header("ce_type")))).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ELIGIBLE, 38, 0, sertraline", "REVIEW, 38, 0, Klonopin 1 mg", "INELIGIBLE, 17, 0, sertraline",
            "CRISIS, 38, 1, sertraline"})
    void eachOutcomeEndToEnd(String outcome, int age, int item9, String medication) {
        UUID id = UUID.randomUUID();
        TestEvents.publish(intake(id, age, item9, List.of(medication)), "booking-service");

        TopicRecorder.Received completed = topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_COMPLETED, id.toString());

        assertThat(completed.value()).contains("\"outcome\":\"" + outcome + "\"", "\"rulesetVersion\":\"1\"");
        assertThat(EventSchemas.violations(EventTypes.SCREENING_COMPLETED, completed.value().getBytes(StandardCharsets.UTF_8))).isEmpty();
        if (outcome.equals("CRISIS")) {
            topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SAFETY_ALERT, id.toString());
        } else {
            assertThat(topics.matching(r -> id.toString().equals(r.header("ce_subject"))
                    && EventTypes.SAFETY_ALERT.equals(r.header("ce_type")))).isEmpty();
        }
    }

    @Test
    void aMalformedIntakeIsDeadLetteredWithoutItsContentAndTheNextOneIsScreened() {
        String dlq = Topics.deadLetter(Topics.BOOKING_INTAKE, "screening-service");
        try (TopicRecorder deadLetters = TopicRecorder.start(dlq)) {
            UUID broken = UUID.randomUUID();
            TestEvents.send(Topics.BOOKING_INTAKE, broken.toString(),
                    "{\"consultationId\": \"Ada Lovelace\", \"phq9\": \"lots\"".getBytes(StandardCharsets.UTF_8),
                    CloudEventHeaders.of(UUID.randomUUID().toString(), "/housecall/booking-service",
                            EventTypes.INTAKE_SUBMITTED, Instant.now().toString(), broken.toString()));
            UUID next = UUID.randomUUID();
            TestEvents.publish(intake(next, 0, List.of()), "booking-service");

            TopicRecorder.Received dead = deadLetters.awaitOne(dlq, EventTypes.INTAKE_SUBMITTED, broken.toString());
            assertThat(dead.header("x-original-topic")).isEqualTo(Topics.BOOKING_INTAKE);
            assertThat(dead.header("x-original-offset")).isNotBlank();
            assertThat(dead.header("x-exception-message")).isEqualTo("payload of com.housecall.intake.submitted is not readable");
            topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SCREENING_COMPLETED, next.toString());
            assertThat(topics.matching(r -> broken.toString().equals(r.header("ce_subject")))).isEmpty();
        }
    }
}
