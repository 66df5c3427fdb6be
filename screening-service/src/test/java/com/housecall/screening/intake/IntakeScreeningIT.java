package com.housecall.screening.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.events.EventSchemas;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.booking.IntakeSubmitted;
import com.housecall.testsupport.HousecallTestInfrastructure;
import com.housecall.testsupport.TestEvents;
import com.housecall.testsupport.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(properties = "spring.config.name=screening-service")
class IntakeScreeningIT {

    static TopicRecorder topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HousecallTestInfrastructure.register(registry, "screening-service");
    }

    @BeforeAll
    static void listen() {
        topics = TopicRecorder.start(Topics.SCREENING_EVENTS);
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    static IntakeSubmitted intake(UUID id, int item9, List<String> medications) {
        return new IntakeSubmitted(id, 38, "America/Los_Angeles", List.of(2, 2, 1, 2, 1, 2, 1, 1, item9),
                List.of(1, 1, 1, 1, 0, 0, 1), 2, List.of(), medications, false, false, false, false,
                new IntakeSubmitted.BloodPressure(124, 80), true, Instant.now());
    }

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
}
