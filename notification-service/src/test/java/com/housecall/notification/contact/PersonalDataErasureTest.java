package com.housecall.notification.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.HoldReason;
import com.housecall.events.booking.PersonalDataErased;
import com.housecall.notification.NotificationIntegration;
import com.housecall.testsupport.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Erasure in notification-service (issue 21): the contact (name, email, phone) goes, what was sent stays; the
 * contact's sealed record, delivered again after its data key was shredded, opens no more and changes nothing.
 */
class PersonalDataErasureTest extends NotificationIntegration {

    @Test
    void theContactGoesAndTheRecordOfWhatWasSentStays() {
        UUID consultationId = UUID.randomUUID();
        String phone = newPhone();
        String email = "erased-" + consultationId + "@example.test";
        var contact = contact(consultationId, email, phone, List.of("SMS", "EMAIL"), true, true,
                ZoneId.of("America/Los_Angeles"));
        publish(contact, "booking-service");
        publish(new ConsultationHeld(consultationId, HoldReason.CRISIS_INTAKE, "SCREENING", Instant.now()),
                "booking-service");
        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 1);
        await().atMost(WAIT).until(() -> statuses(consultationId, "SAFETY_HOLD"),
                sent -> sent.size() == 2 && sent.stream().allMatch(status -> status.contains(":SENT:")));

        TestEvents.shred(consultationId);
        publish(new PersonalDataErased(consultationId, Instant.now()), "booking-service");

        await().atMost(WAIT).until(() -> contactRows(consultationId) == 0);
        assertThat(statuses(consultationId, "SAFETY_HOLD")).containsExactly("EMAIL:SENT:", "SMS:SENT:");

        RecordMetadata again = TestEvents.send(Topics.BOOKING_CONTACTS, consultationId.toString(),
                TestEvents.value(contact), CloudEventHeaders.of(UUID.randomUUID().toString(),
                        CloudEventHeaders.source("booking-service"), EventTypes.CONTACT_UPDATED,
                        Instant.now().toString(), consultationId.toString()));
        TestEvents.awaitConsumed("notification-service", again);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> contactRows(consultationId) == 0);
    }

    private long contactRows(UUID consultationId) {
        return jdbc.sql("SELECT COUNT(*) FROM contact WHERE consultation_id = ?").param(consultationId.toString())
                .query(Long.class).single();
    }
}
