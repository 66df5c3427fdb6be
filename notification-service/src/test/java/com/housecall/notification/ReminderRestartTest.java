package com.housecall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.ContactUpdated;
import com.housecall.localstack.sms.SmsSink;
import com.housecall.testsupport.HousecallTestInfrastructure;
import com.housecall.testsupport.TestEvents;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reminder recorded by one run of the service is sent once by the next run on the same database. Two contexts
 * one after the other, in a consumer group of their own (the shared test context keeps its group).
 */
class ReminderRestartTest {

    @Test
    void aReminderScheduledBeforeARestartIsSentOnceAfterIt() throws Exception {
        try (SmsSink sink = SmsSink.start(0, "ACrestart", "restart-token")) {
            Map<String, Object> properties = new HashMap<>(HousecallTestInfrastructure.properties("notification-service"));
            properties.put("server.port", "0");
            properties.put("spring.cloud.stream.default.group", "notification-restart-test");
            properties.put("spring.mail.port", Integer.toString(NotificationIntegration.freePort()));
            properties.put("housecall.notification.send-interval", "50ms");
            properties.put("housecall.sms.base-url", sink.baseUrl());
            properties.put("housecall.sms.account-sid", sink.accountSid());
            properties.put("housecall.sms.auth-token", sink.authToken());
            properties.put("housecall.sms.from", "+15005550006");
            properties.put("logging.level.org.apache.kafka", "WARN");
            properties.put("logging.level.kafka", "WARN");

            UUID consultationId = UUID.randomUUID();
            UUID visitId = UUID.randomUUID();
            String phone = "+1628555" + String.format("%04d", (int) (Math.random() * 9000) + 1000);
            ZoneId zone = NotificationIntegration.daytimeZone();
            // booked less than 24 h ahead: no day-before reminder; the fasting one is due in a few seconds
            OffsetDateTime start = OffsetDateTime.now(zone).plusHours(8).plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);

            properties.put("housecall.notification.sender-enabled", "false");
            try (ConfigurableApplicationContext first = start(properties)) {
                TestEvents.publish(new ContactUpdated(consultationId, "Alex", "Rivera", null, phone, List.of("SMS"),
                        new ContactUpdated.Consent(true, false), zone.getId()), "booking-service");
                TestEvents.publish(new BookingConfirmed(consultationId, visitId, start, start.plusMinutes(85),
                        "Sam Lee", zone.getId()), "booking-service");
                JdbcClient jdbc = first.getBean(JdbcClient.class);
                await().atMost(NotificationIntegration.WAIT).until(() -> jdbc.sql("""
                                SELECT COUNT(*) FROM notification WHERE consultation_id = ? AND status = 'QUEUED'""")
                        .param(consultationId.toString()).query(Long.class).single() == 2);
                assertThat(jdbc.sql("SELECT type FROM notification WHERE consultation_id = ? ORDER BY type")
                        .param(consultationId.toString()).query(String.class).list())
                        .containsExactly("BOOKING_CONFIRMED", "FASTING_REMINDER");
            }
            assertThat(sink.messagesTo(phone)).isEmpty();

            properties.put("housecall.notification.sender-enabled", "true");
            try (ConfigurableApplicationContext second = start(properties)) {
                await().atMost(NotificationIntegration.WAIT).until(() -> sink.messagesTo(phone).size() == 2);
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                        .until(() -> sink.messagesTo(phone).size() == 2);
                assertThat(sink.messagesTo(phone)).extracting(SmsSink.Received::body)
                        .anySatisfy(body -> assertThat(body).contains("please don't eat after"))
                        .anySatisfy(body -> assertThat(body).contains("visit confirmed"));
                JdbcClient jdbc = second.getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT status FROM notification WHERE consultation_id = ?")
                        .param(consultationId.toString()).query(String.class).list()).containsOnly("SENT");
            }
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // command-line arguments outrank notification-service.yml (default properties would not)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NotificationApplication.class).run(args);
    }
}
