package com.housecall.e2e;

import static com.housecall.e2e.Journey.PATIENCE;
import static com.housecall.testsupport.ManagementPort.has;
import static com.housecall.testsupport.ManagementPort.scrape;
import static com.housecall.testsupport.ManagementPort.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.e2e.Journey.Patient;
import com.housecall.testsupport.ManagementPort;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every part's management port (CONTRACT.md section 13), scraped without a token, and the business metrics moving
 * after one consultation from request to its confirmation text.
 */
class MetricsIT {

    final Journey journey = new Journey();

    @Test
    void everyManagementPortServesItsMetricsAndOneConsultationMovesTheBusinessOnes() throws Exception {
        Map<String, Integer> ports = journey.platform.managementPorts();
        assertThat(ports).containsOnlyKeys("booking-service", "screening-service", "dispatch-service",
                "notification-service", "operator-console", "gateway");
        ports.forEach((module, port) -> {
            assertThat(ManagementPort.get(port, "/actuator/health/readiness").body()).as(module).contains("\"UP\"");
            String scrape = scrape(port);
            assertThat(has(scrape, "jvm_memory_used_bytes")).as(module).isTrue();
            if (!module.equals("gateway")) {
                assertThat(scrape).as(module).contains("housecall_outbox_pending{service=\"" + module + "\"}",
                        "housecall_outbox_age_seconds{service=\"" + module + "\"}", "hikaricp_connections",
                        "kafka_consumer_");
            }
        });
        assertThat(scrape(ports.get("screening-service"))).contains("housecall_safety_alerts_open");
        Map<String, String> before = scrapes(ports);
        Patient patient = Patient.fresh();

        String id = journey.submit(Journey.request(patient, 2, 0, 4));
        journey.awaitStatus(id, "CONFIRMED");
        await().atMost(PATIENCE).until(() -> !journey.sms(patient).isEmpty());

        // at least: a consultation of an earlier test may still be settling
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, String> after = scrapes(ports);
        for (String module : new String[] {"booking-service", "screening-service", "dispatch-service",
                "notification-service"}) {
            assertThat(after.get(module)).as(module + " sent events").contains("kafka_producer_record_send_total");
        }
            assertThat(delta(before, after, "booking-service", "housecall_consultations_total", "outcome", "ELIGIBLE"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, "booking-service", "housecall_time_to_confirm_seconds_count"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, "notification-service", "housecall_notifications_total",
                    "channel", "SMS", "status", "SENT")).isGreaterThanOrEqualTo(1);
            assertThat(delta(before, after, "gateway", "http_server_requests_seconds_count"))
                    .as("the gateway's own HTTP metrics").isGreaterThanOrEqualTo(1);
        });
        Map<String, String> after = scrapes(ports);
        after.forEach((module, scrape) -> assertThat(scrape).as(module)
                .doesNotContain(id, patient.phone(), patient.email()));
        for (String metric : MonitoringConfigTest.metricNames(Files.readString(MonitoringConfigTest.DASHBOARD))) {
            assertThat(after.values()).as("the dashboard's " + metric).anyMatch(scrape -> has(scrape, metric));
        }
    }

    private static Map<String, String> scrapes(Map<String, Integer> ports) {
        Map<String, String> scrapes = new HashMap<>();
        ports.forEach((module, port) -> scrapes.put(module, scrape(port)));
        return scrapes;
    }

    private static double delta(Map<String, String> before, Map<String, String> after, String module, String name,
                                String... labels) {
        return sum(after.get(module), name, labels) - sum(before.get(module), name, labels);
    }
}
