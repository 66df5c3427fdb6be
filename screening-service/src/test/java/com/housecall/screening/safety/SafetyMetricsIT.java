package com.housecall.screening.safety;

import static com.housecall.testsupport.ManagementPort.scrape;
import static com.housecall.testsupport.ManagementPort.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.screening.ScreeningIntegration;
import com.housecall.testsupport.ManagementPort;
import com.housecall.testsupport.TestEvents;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** Screening's management port, and the open safety alerts gauge following a crisis to its acknowledgement. */
class SafetyMetricsIT extends ScreeningIntegration {

    private static final String OPEN = "housecall_safety_alerts_open";

    @LocalManagementPort
    int managementPort;

    @Test
    void theManagementPortServesHealthAndMetricsWithoutAToken() {
        ManagementPort.assertServiceServes(managementPort, port, OPEN);
    }

    @Test
    void aCrisisOpensAnAlertUntilAClinicianAcknowledgesIt() throws Exception {
        double before = sum(scrape(managementPort), OPEN);
        UUID id = UUID.randomUUID();
        TestEvents.publish(intake(id, 3, List.of()), "booking-service");
        topics.awaitOne(Topics.SCREENING_EVENTS, EventTypes.SAFETY_ALERT, id.toString());

        assertThat(sum(scrape(managementPort), OPEN)).isEqualTo(before + 1);

        assertThat(post("clinician1", SafetyAlertIT.acknowledge(id), "").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(sum(scrape(managementPort), OPEN)).isEqualTo(before));
    }
}
