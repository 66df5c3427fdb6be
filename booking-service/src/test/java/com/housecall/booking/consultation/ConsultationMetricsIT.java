package com.housecall.booking.consultation;

import static com.housecall.testsupport.ManagementPort.scrape;
import static com.housecall.testsupport.ManagementPort.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.screening.CaseKind;
import com.housecall.events.screening.Decision;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.testsupport.ManagementPort;
import com.housecall.testsupport.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** Booking's management port, and its business metrics moving with the consultations they count. */
class ConsultationMetricsIT extends CourseFixtures {

    private static final String CONSULTATIONS = "housecall_consultations_total";
    private static final String CONFIRMED_COUNT = "housecall_time_to_confirm_seconds_count";

    @LocalManagementPort
    int managementPort;

    @Test
    void theManagementPortServesHealthAndMetricsWithoutAToken() {
        ManagementPort.assertServiceServes(managementPort, port, CONFIRMED_COUNT);
        assertThat(scrape(managementPort)).as("labelled with the service")
                .contains("housecall_outbox_pending{service=\"booking-service\"}");
    }

    @Test
    void aConfirmedConsultationCountsAsEligibleOnceAndItsTimeToConfirm() throws Exception {
        String before = scrape(managementPort);

        confirmed();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String after = scrape(managementPort);
            assertThat(delta(before, after, CONSULTATIONS, "outcome", "ELIGIBLE")).isEqualTo(1);
            assertThat(delta(before, after, CONFIRMED_COUNT)).isEqualTo(1);
            assertThat(delta(before, after, "housecall_time_to_confirm_seconds_sum")).isPositive();
            assertThat(ManagementPort.has(after, "kafka_producer_record_send_total")).as("the relay's producer")
                    .isTrue();
        });
    }

    @Test
    void aReviewCountsOnlyOnceAClinicianDecidesAndACrisisAtOnce() throws Exception {
        String before = scrape(managementPort);
        String review = screened("REVIEW");
        screened("CRISIS");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                delta(before, scrape(managementPort), CONSULTATIONS, "outcome", "CRISIS")).isEqualTo(1));
        assertThat(sum(scrape(managementPort), CONSULTATIONS)).as("a REVIEW is not final")
                .isEqualTo(sum(before, CONSULTATIONS) + 1);

        TestEvents.publish(new ScreeningDecided(UUID.fromString(review), Decision.DECLINE, CaseKind.INTAKE,
                Instant.now()), "screening-service");

        awaitStatus(review, "INELIGIBLE");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                delta(before, scrape(managementPort), CONSULTATIONS, "outcome", "INELIGIBLE")).isEqualTo(1));
    }

    @Test
    void onlyTheChangeThatSettlesTheScreeningCounts() {
        assertThat(ConsultationMetrics.settledOutcome(ConsultationStatus.SCREENING, ConsultationStatus.IN_REVIEW))
                .isEmpty();
        assertThat(ConsultationMetrics.settledOutcome(ConsultationStatus.IN_REVIEW, ConsultationStatus.SCHEDULING))
                .hasValueSatisfying(outcome -> assertThat(outcome.name()).isEqualTo("ELIGIBLE"));
        assertThat(ConsultationMetrics.settledOutcome(ConsultationStatus.SAFETY_HOLD, ConsultationStatus.SCHEDULING))
                .as("a crisis approved later was counted as CRISIS").isEmpty();
        assertThat(ConsultationMetrics.settledOutcome(ConsultationStatus.IN_REVIEW, ConsultationStatus.CANCELLED))
                .isEmpty();
    }

    private static double delta(String before, String after, String name, String... labels) {
        return sum(after, name, labels) - sum(before, name, labels);
    }
}
