package com.housecall.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventJson;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.booking.BookingConfirmed;
import com.housecall.notification.NotificationIntegration;
import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.TestEvents;
import com.housecall.testsupport.TopicRecorder;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** A patient's contact and booking arrive over Kafka; one confirmation email goes out, once, and is reported. */
class BookingConfirmedEmailTest extends NotificationIntegration {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    @Test
    void bookingConfirmedSendsOneEmailOnceAndReportsIt() throws Exception {
        UUID consultationId = UUID.randomUUID();
        ZoneId zone = daytimeZone();
        String email = "alex.rivera." + consultationId + "@example.com";
        String phone = newPhone();
        publish(contact(consultationId, email, phone, List.of("EMAIL", "SMS"), true, true, zone), "booking-service");
        OffsetDateTime start = OffsetDateTime.now(zone).plusDays(3).withHour(9).withMinute(30).withSecond(0).withNano(0);
        BookingConfirmed confirmed = new BookingConfirmed(consultationId, UUID.randomUUID(), start,
                start.plusMinutes(85), "Maria Gonzalez", zone.getId());
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish(confirmed, "booking-service", eventId);

        await().atMost(WAIT).until(() -> emailsTo(email).size() == 1);
        MimeMessage message = emailsTo(email).getFirst();
        assertThat(message.getSubject()).contains("Housecall", "9:30 AM");

        java.util.function.Predicate<TopicRecorder.Received> emailSent = r -> consultationId.toString()
                .equals(r.header("ce_subject")) && EventTypes.NOTIFICATION_SENT.equals(r.header("ce_type"))
                && r.value().contains("\"EMAIL\"") && r.value().contains("BOOKING_CONFIRMED");
        await().atMost(WAIT).until(() -> !notificationEvents.matching(emailSent).isEmpty());
        TopicRecorder.Received event = notificationEvents.matching(emailSent).getFirst();
        assertThat(event.header("ce_type")).isEqualTo(EventTypes.NOTIFICATION_SENT);
        assertThat(event.key()).isEqualTo(consultationId.toString());
        JsonNode payload = EventJson.MAPPER.readTree(event.value());
        assertThat(payload.get("type").asString()).isEqualTo("BOOKING_CONFIRMED");
        assertThat(payload.get("providerId").asString()).isEqualTo(message.getMessageID());
        assertThat(event.value()).doesNotContain("alex", "Alex", "Maria", phone);

        // redelivery (same ce_id), then a copy published again (new ce_id): same partition, so once the copy is
        // recorded by the inbox both have been handled
        TestEvents.publish(confirmed, "booking-service", eventId);
        String copyId = TestEvents.publish(confirmed, "booking-service");
        await().atMost(WAIT).until(() -> processed(copyId) == 1);
        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 1);

        JsonNode page = RestClient.create("http://localhost:" + HTTP_PORT).get()
                .uri("/api/notifications?consultationId={id}", consultationId)
                .header("Authorization", "Bearer " + DevJwt.token("operator1"))
                .retrieve().body(JsonNode.class);
        assertThat(page.get("items").valueStream()
                .filter(item -> item.get("type").asString().equals("BOOKING_CONFIRMED"))
                .map(item -> item.get("channel").asString() + ":" + item.get("status").asString()))
                .containsExactlyInAnyOrder("EMAIL:SENT", "SMS:SENT");
        assertThat(emailsTo(email)).hasSize(1);
        assertThat(sms.messagesTo(phone)).hasSize(1);
    }

    @Test
    void aBookingConfirmedBeforeItsContactIsSentOnceTheContactArrives() throws Exception {
        UUID consultationId = UUID.randomUUID();
        ZoneId zone = daytimeZone();
        OffsetDateTime start = OffsetDateTime.now(zone).plusDays(2).withHour(9).withMinute(0).withSecond(0).withNano(0);
        publish(new BookingConfirmed(consultationId, UUID.randomUUID(), start, start.plusMinutes(85), "Sam Lee",
                zone.getId()), "booking-service");
        await().atMost(WAIT).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM message WHERE consultation_id = ? AND type = 'BOOKING_CONFIRMED'")
                .param(consultationId.toString()).query(Long.class).single() == 1);

        String email = "jo.park." + consultationId + "@example.com";
        publish(contact(consultationId, email, null, List.of("EMAIL"), true, false, zone), "booking-service");

        await().atMost(WAIT).until(() -> emailsTo(email).size() == 1);
        assertThat(emailsTo(email).getFirst().getSubject()).contains(TIME.format(start));
    }

    @Test
    void notificationsAreForOperatorsOnly() {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + HTTP_PORT)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        HttpStatus anonymous = HttpStatus.valueOf(client.get().uri("/api/notifications?consultationId={id}",
                UUID.randomUUID()).retrieve().toBodilessEntity().getStatusCode().value());
        HttpStatus patient = HttpStatus.valueOf(client.get().uri("/api/notifications?consultationId={id}",
                        UUID.randomUUID()).header("Authorization", "Bearer " + DevJwt.token("patient1"))
                .retrieve().toBodilessEntity().getStatusCode().value());

        assertThat(anonymous).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(patient).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(Topics.NOTIFICATION_EVENTS).isEqualTo("notification.events.v1");
    }
}
