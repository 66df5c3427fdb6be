package com.housecall.notification.message;

import static com.housecall.testsupport.ManagementPort.scrape;
import static com.housecall.testsupport.ManagementPort.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.booking.BookingConfirmed;
import com.housecall.notification.NotificationIntegration;
import com.housecall.testsupport.ManagementPort;
import com.housecall.testsupport.TestEvents;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** Notification's management port, and each notification counted once by channel and final status. */
class NotificationMetricsTest extends NotificationIntegration {

    private static final String NOTIFICATIONS = "housecall_notifications_total";

    @LocalManagementPort
    int managementPort;

    @Test
    void theManagementPortServesHealthAndMetricsWithoutAToken() {
        ManagementPort.assertServiceServes(managementPort, HTTP_PORT);
    }

    @Test
    void aConfirmationTextCountsOnceAsAnSmsSent() {
        String before = scrape(managementPort);
        UUID consultationId = UUID.randomUUID();
        ZoneId zone = daytimeZone();
        String phone = newPhone();
        publish(contact(consultationId, "metrics." + consultationId + "@example.com", phone, List.of("SMS"), false,
                true, zone), "booking-service");
        OffsetDateTime start = OffsetDateTime.now(zone).plusDays(3).withHour(9).withMinute(30).withSecond(0)
                .withNano(0);
        TestEvents.publish(new BookingConfirmed(consultationId, UUID.randomUUID(), start, start.plusMinutes(85),
                "Maria Gonzalez", zone.getId()), "booking-service");

        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 1);
        await().atMost(WAIT).untilAsserted(() -> {
            String after = scrape(managementPort);
            assertThat(delta(before, after, "channel", "SMS", "status", "SENT")).isEqualTo(1);
            assertThat(delta(before, after)).as("nothing else counted: the reminders are days away").isEqualTo(1);
        });
        assertThat(scrape(managementPort)).doesNotContain(consultationId.toString(), phone);
    }

    private static double delta(String before, String after, String... labels) {
        return sum(after, NOTIFICATIONS, labels) - sum(before, NOTIFICATIONS, labels);
    }
}
