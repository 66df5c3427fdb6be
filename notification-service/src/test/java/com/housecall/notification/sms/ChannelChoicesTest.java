package com.housecall.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.ContactUpdated;
import com.housecall.notification.NotificationIntegration;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DECISIONS 37: when the patient changes channels or consents in the app ({@code contact.updated}), messages still
 * queued follow the new choices; an SMS STOP still wins. Quiet hours (a zone where it is night) keep them queued.
 */
class ChannelChoicesTest extends NotificationIntegration {

    private final TwilioWebhooks twilio = new TwilioWebhooks("http://127.0.0.1:" + HTTP_PORT, sms.authToken(),
            sms.accountSid(), SMS_FROM);

    private static BookingConfirmed confirmed(UUID consultationId, ZoneId zone) {
        OffsetDateTime start = OffsetDateTime.now(zone).plusDays(3).withHour(10).withMinute(15).withSecond(0)
                .withNano(0);
        return new BookingConfirmed(consultationId, UUID.randomUUID(), start, start.plusMinutes(85), "Sam Lee",
                zone.getId());
    }

    private OffsetDateTime due(UUID consultationId, String channel) {
        return jdbc.sql("""
                        SELECT due_at FROM notification
                        WHERE consultation_id = ? AND channel = ? AND type = 'BOOKING_CONFIRMED'""")
                .params(consultationId.toString(), channel).query(OffsetDateTime.class).single();
    }

    @Test
    void aMessageHeldForTheMorningIsQueuedOnTheNewlyChosenChannelAtTheSameTime() {
        UUID id = UUID.randomUUID();
        String email = "choices." + id + "@example.com";
        String phone = newPhone();
        ZoneId night = nightZone();
        publish(contact(id, email, phone, List.of("SMS"), false, true, night), "booking-service");
        publish(confirmed(id, night), "booking-service");
        await().atMost(WAIT).until(() -> statuses(id, "BOOKING_CONFIRMED").equals(List.of("SMS:QUEUED:")));

        ContactUpdated emailOnly = contact(id, email, phone, List.of("EMAIL"), true, false, night);
        publish(emailOnly, "booking-service");

        await().atMost(WAIT).until(() -> statuses(id, "BOOKING_CONFIRMED").size() == 2);
        assertThat(statuses(id, "BOOKING_CONFIRMED")).containsExactly("EMAIL:QUEUED:", "SMS:QUEUED:");
        assertThat(due(id, "EMAIL")).isEqualTo(due(id, "SMS"));
        assertThat(due(id, "EMAIL").toInstant().atZone(night).getHour()).as("held for 08:00").isEqualTo(8);
        assertThat(emailsTo(email)).isEmpty();

        // the same choice saved again queues nothing more
        publish(emailOnly, "booking-service");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> statuses(id, "BOOKING_CONFIRMED").size() == 2);
        assertThat(sms.messagesTo(phone)).isEmpty();
    }

    @Test
    void aNumberThatSentStopGetsNoSmsWhenThePatientChoosesSmsAgain() throws Exception {
        UUID id = UUID.randomUUID();
        String email = "stop." + id + "@example.com";
        String phone = newPhone();
        ZoneId night = nightZone();
        assertThat(twilio.inbound(phone, "STOP").statusCode()).isEqualTo(200);
        publish(contact(id, email, phone, List.of("EMAIL"), true, false, night), "booking-service");
        publish(confirmed(id, night), "booking-service");
        await().atMost(WAIT).until(() -> statuses(id, "BOOKING_CONFIRMED").equals(List.of("EMAIL:QUEUED:")));

        publish(contact(id, email, phone, List.of("SMS", "EMAIL"), true, true, night), "booking-service");

        await().atMost(WAIT).until(() -> statuses(id, "BOOKING_CONFIRMED").size() == 2);
        assertThat(statuses(id, "BOOKING_CONFIRMED")).containsExactly("EMAIL:QUEUED:", "SMS:SUPPRESSED:OPTED_OUT");
        assertThat(sms.messagesTo(phone)).isEmpty();
    }
}
