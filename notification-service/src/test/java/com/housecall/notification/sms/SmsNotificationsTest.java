package com.housecall.notification.sms;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventTypes;
import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.HoldReason;
import com.housecall.events.booking.VisitCancelReason;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.EscalationReason;
import com.housecall.events.dispatch.VisitEscalated;
import com.housecall.events.screening.SafetyAlert;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.localstack.sms.SmsSink;
import com.housecall.notification.NotificationIntegration;
import com.housecall.testsupport.TestEvents;
import com.housecall.testsupport.TopicRecorder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** SMS through the Twilio-shaped sink: once per event, opt-out, webhooks, timeouts, pages, cancelled visits. */
class SmsNotificationsTest extends NotificationIntegration {

    private final TwilioWebhooks twilio = new TwilioWebhooks("http://127.0.0.1:" + HTTP_PORT, sms.authToken(),
            sms.accountSid(), SMS_FROM);

    private static ScreeningCompleted screening(UUID consultationId, ScreeningOutcome outcome) {
        return new ScreeningCompleted(consultationId, outcome, "1", List.of(), new ScreeningCompleted.Score(12, "MODERATE"),
                null, Instant.now());
    }

    private static ConsultationHeld held(UUID consultationId) {
        return new ConsultationHeld(consultationId, HoldReason.CRISIS_INTAKE, "SCREENING", Instant.now());
    }

    private static OffsetDateTime inThreeDays(ZoneId zone) {
        return OffsetDateTime.now(zone).plusDays(3).withHour(10).withMinute(15).withSecond(0).withNano(0);
    }

    @Test
    void theSameEventDeliveredThreeTimesSendsOneSmsWithTwiliosFormAndBasicAuth() {
        UUID consultationId = UUID.randomUUID();
        String phone = newPhone();
        ZoneId zone = daytimeZone();
        publish(contact(consultationId, null, phone, List.of("SMS"), false, true, zone), "booking-service");
        OffsetDateTime start = inThreeDays(zone);
        BookingConfirmed confirmed = new BookingConfirmed(consultationId, UUID.randomUUID(), start,
                start.plusMinutes(85), "Maria Gonzalez", zone.getId());
        String eventId = UUID.randomUUID().toString();

        TestEvents.publish(confirmed, "booking-service", eventId);
        TestEvents.publish(confirmed, "booking-service", eventId);
        String copyId = TestEvents.publish(confirmed, "booking-service");

        await().atMost(WAIT).until(() -> processed(copyId) == 1 && sms.messagesTo(phone).size() == 1);
        SmsSink.Received message = sms.messagesTo(phone).getFirst();
        assertThat(message.form().keySet()).containsExactly("To", "From", "Body", "StatusCallback");
        assertThat(message.field("To")).isEqualTo(phone);
        assertThat(message.field("From")).isEqualTo(SMS_FROM);
        assertThat(message.field("StatusCallback"))
                .isEqualTo("http://127.0.0.1:" + HTTP_PORT + "/api/notifications/sms/status");
        assertThat(message.field("Body")).startsWith("Housecall:").contains("Maria", "10:15 AM", "app")
                .doesNotContain("Gonzalez", "Alex");
        assertThat(message.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((sms.accountSid() + ":" + sms.authToken()).getBytes(UTF_8)));

        // the sink's signed status callback is accepted and recorded
        await().atMost(WAIT).until(() -> "delivered".equals(jdbc.sql(
                        "SELECT delivery_status FROM notification WHERE provider_id = ?").param(message.sid())
                .query(String.class).optional().orElse(null)));
        assertThat(sms.callbacks()).filteredOn(c -> c.params().get("MessageSid").equals(message.sid()))
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(200));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> sms.messagesTo(phone).size() == 1);
    }

    @Test
    void aTimeoutAfterTheProviderAcceptedIsReportedOnceAsOutcomeUnknownAndNotResent() {
        UUID consultationId = UUID.randomUUID();
        String phone = newPhone();
        sms.respondAfter(Duration.ofSeconds(8)); // the service's read timeout is 3 s
        try {
            publish(contact(consultationId, null, phone, List.of("SMS"), false, true, daytimeZone()), "booking-service");
            publish(screening(consultationId, ScreeningOutcome.REVIEW), "screening-service");

            Predicate<TopicRecorder.Received> failed = r -> consultationId.toString().equals(r.header("ce_subject"))
                    && EventTypes.NOTIFICATION_FAILED.equals(r.header("ce_type"));
            await().atMost(WAIT).until(() -> !notificationEvents.matching(failed).isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> sms.messagesTo(phone).size() == 1);
            assertThat(notificationEvents.matching(failed).getFirst().value()).contains("\"OUTCOME_UNKNOWN\"", "\"SMS\"");
            assertThat(statuses(consultationId, "IN_REVIEW")).containsExactly("SMS:FAILED:OUTCOME_UNKNOWN");
        } finally {
            sms.respondAfter(Duration.ZERO);
        }
        // more than the retry backoff later: still one SMS, one failure
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                sms.messagesTo(phone).size() == 1 && notificationEvents.matching(r -> consultationId.toString()
                        .equals(r.header("ce_subject")) && EventTypes.NOTIFICATION_FAILED.equals(r.header("ce_type")))
                        .size() == 1);
    }

    @Test
    void aCrisisMessageWhoseOutcomeIsUnknownIsRetriedUntilItIsSent() {
        UUID consultationId = UUID.randomUUID();
        String phone = newPhone();
        sms.respondAfter(Duration.ofSeconds(8)); // longer than the 3 s read timeout
        try {
            publish(contact(consultationId, null, phone, List.of("SMS"), false, true, daytimeZone()), "booking-service");
            publish(held(consultationId), "booking-service");
            await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() >= 2);
        } finally {
            sms.respondAfter(Duration.ZERO);
        }
        await().atMost(WAIT).until(() -> statuses(consultationId, "SAFETY_HOLD").equals(List.of("SMS:SENT:")));
        assertThat(sms.messagesTo(phone)).allSatisfy(m -> assertThat(m.body()).contains("911", "988"));
    }

    @Test
    void webhooksWithoutAValidSignatureAreRefused() throws Exception {
        Map<String, String> form = Map.of("From", newPhone(), "Body", "STOP", "MessageSid", "SMx");

        HttpResponse<String> unsigned = twilio.post(TwilioWebhooks.INBOUND, form, null);
        HttpResponse<String> forged = twilio.post("/api/notifications/sms/status", form, "bm90IGEgc2lnbmF0dXJl");

        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unsigned.body()).doesNotContain("STOP", "Exception");
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void stopEndsEverySmsCrisisIncludedUntilStartAndHelpNamesTheSupportContact() throws Exception {
        UUID consultationId = UUID.randomUUID();
        String phone = newPhone();
        String email = "crisis." + consultationId + "@example.com";

        HttpResponse<String> stop = twilio.inbound(phone, " Stop ");
        assertThat(stop.statusCode()).isEqualTo(200);
        assertThat(stop.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/xml"));
        assertThat(stop.body()).endsWith("<Response/>");

        // a crisis goes to every consented channel, even one not preferred, and at once, whatever the hour
        publish(contact(consultationId, email, phone, List.of("SMS"), true, true, nightZone()), "booking-service");
        publish(held(consultationId), "booking-service");
        await().atMost(WAIT).until(() -> emailsTo(email).size() == 1);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(emailsTo(email).getFirst())).contains("911", "988");
        Predicate<TopicRecorder.Received> suppressed = r -> consultationId.toString().equals(r.header("ce_subject"))
                && EventTypes.NOTIFICATION_SUPPRESSED.equals(r.header("ce_type"));
        await().atMost(WAIT).until(() -> !notificationEvents.matching(suppressed).isEmpty());
        assertThat(notificationEvents.matching(suppressed).getFirst().value())
                .contains("\"OPTED_OUT\"", "\"SMS\"", "\"SAFETY_HOLD\"").doesNotContain(phone);
        assertThat(statuses(consultationId, "SAFETY_HOLD")).containsExactly("EMAIL:SENT:", "SMS:SUPPRESSED:OPTED_OUT");
        assertThat(sms.messagesTo(phone)).isEmpty();

        HttpResponse<String> help = twilio.inbound(phone, "help");
        assertThat(help.body()).contains("<Response><Message>Housecall", "1-800-555-0100", "</Message></Response>");

        HttpResponse<String> start = twilio.inbound(phone, "START");
        assertThat(start.body()).endsWith("<Response/>");
        UUID later = UUID.randomUUID();
        publish(contact(later, null, phone, List.of("SMS"), false, true, daytimeZone()), "booking-service");
        publish(screening(later, ScreeningOutcome.INELIGIBLE), "screening-service");
        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 1);
        assertThat(sms.messagesTo(phone).getFirst().body()).contains("doctor", "Housecall app")
                .doesNotContainIgnoringCase("ketamine");
    }

    @Test
    void routineMessagesWaitForMorningButACrisisGoesAtNight() {
        UUID consultationId = UUID.randomUUID();
        String phone = newPhone();
        ZoneId night = nightZone();
        publish(contact(consultationId, null, phone, List.of("SMS"), false, true, night), "booking-service");
        OffsetDateTime start = inThreeDays(night);
        publish(new BookingConfirmed(consultationId, UUID.randomUUID(), start, start.plusMinutes(85), "Sam Lee",
                night.getId()), "booking-service");
        await().atMost(WAIT).until(() -> jdbc.sql("""
                        SELECT due_at FROM notification WHERE consultation_id = ? AND type = 'BOOKING_CONFIRMED'""")
                .param(consultationId.toString()).query(OffsetDateTime.class).optional()
                .map(due -> due.toInstant().atZone(night).getHour() == 8).orElse(false));
        assertThat(statuses(consultationId, "BOOKING_CONFIRMED")).containsExactly("SMS:QUEUED:");
        assertThat(sms.messagesTo(phone)).isEmpty();

        publish(held(consultationId), "booking-service");
        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 1);
        assertThat(sms.messagesTo(phone).getFirst().body()).contains("911", "988");
        // the confirmation held for the morning would now mislead: the hold drops it
        assertThat(statuses(consultationId, "BOOKING_CONFIRMED")).containsExactly("SMS:SUPPRESSED:SAFETY_HOLD");
        assertThat(sms.messagesTo(phone)).hasSize(1);
    }

    @Test
    void theOnCallClinicianIsPagedOncePerAlertAndSequenceWithoutPatientDetails() {
        UUID consultationId = UUID.randomUUID();
        UUID alertId = UUID.randomUUID();
        publish(contact(consultationId, "patient." + consultationId + "@example.com", newPhone(), List.of("SMS"), true,
                true, daytimeZone()), "booking-service");

        publish(new SafetyAlert(consultationId, alertId, 1, Instant.now()), "screening-service");
        publish(new SafetyAlert(consultationId, alertId, 1, Instant.now()), "screening-service");
        publish(new SafetyAlert(consultationId, alertId, 2, Instant.now()), "screening-service");

        Predicate<SmsSink.Received> page = m -> m.to().equals(ON_CALL_PHONE) && m.body().contains(consultationId.toString());
        await().atMost(WAIT).until(() -> sms.messages().stream().filter(page).count() == 2
                && emailsTo(ON_CALL_EMAIL).stream().filter(e -> subject(e).contains(consultationId.toString())).count() == 2);
        assertThat(sms.messages().stream().filter(page).map(SmsSink.Received::body))
                // DECISIONS 5: the page opens the case in the clinicians' workspace on the public base URL
                .allSatisfy(body -> assertThat(body)
                        .contains("https://housecall.example/clinician/cases/" + consultationId)
                        .doesNotContain("Alex", "Rivera", "@example.com"))
                .anySatisfy(body -> assertThat(body).contains("ALERT 1"))
                .anySatisfy(body -> assertThat(body).contains("ALERT 2"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> sms.messages().stream().filter(page).count() == 2);
    }

    @Test
    void aVisitEscalationPagesTheOnCallClinicianWithTheCaseLinkOncePerSequence() {
        UUID consultationId = UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        UUID escalationId = UUID.randomUUID();
        publish(contact(consultationId, "patient." + consultationId + "@example.com", newPhone(), List.of("SMS"), true,
                true, daytimeZone()), "booking-service");

        VisitEscalated first = new VisitEscalated(consultationId, visitId, escalationId,
                List.of(EscalationReason.SPO2_LOW), 1, Instant.now());
        publish(first, "dispatch-service");
        publish(first, "dispatch-service");
        publish(new VisitEscalated(consultationId, visitId, escalationId, List.of(EscalationReason.SPO2_LOW), 2,
                Instant.now()), "dispatch-service");

        Predicate<SmsSink.Received> page = m -> m.to().equals(ON_CALL_PHONE) && m.body().contains(consultationId.toString());
        await().atMost(WAIT).until(() -> sms.messages().stream().filter(page).count() == 2
                && emailsTo(ON_CALL_EMAIL).stream().filter(e -> subject(e).contains(consultationId.toString())).count() == 2);
        assertThat(sms.messages().stream().filter(page).map(SmsSink.Received::body))
                .allSatisfy(body -> assertThat(body).contains("/clinician/cases/" + consultationId)
                        .doesNotContain("Alex", "Rivera", "@example.com", "SPO2").hasSizeLessThanOrEqualTo(160))
                .anySatisfy(body -> assertThat(body).contains("ALERT 1"))
                .anySatisfy(body -> assertThat(body).contains("ALERT 2"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> sms.messages().stream().filter(page).count() == 2);
    }

    @Test
    void aCancelledVisitGetsNoReminderAndAMovedVisitIsAnnounced() {
        UUID consultationId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String phone = newPhone();
        ZoneId zone = daytimeZone();
        publish(contact(consultationId, null, phone, List.of("SMS"), false, true, zone), "booking-service");
        OffsetDateTime start = inThreeDays(zone);
        publish(new BookingConfirmed(consultationId, first, start, start.plusMinutes(85), "Sam Lee", zone.getId()),
                "booking-service");
        publish(new VisitScheduled(consultationId, second, 2, UUID.randomUUID(), "Sam Lee", start.plusDays(2),
                start.plusDays(2).plusMinutes(85), zone.getId()), "dispatch-service");
        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 2);

        // visit 2 moves: one message, and its reminders follow
        OffsetDateTime moved = start.plusDays(4).withHour(14).withMinute(0);
        publish(new VisitScheduled(consultationId, second, 2, UUID.randomUUID(), "Sam Lee", moved,
                moved.plusMinutes(85), zone.getId()), "dispatch-service");
        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 3);
        assertThat(sms.messagesTo(phone).get(2).body()).contains("2:00 PM");
        assertThat(jdbc.sql("""
                        SELECT n.due_at FROM notification n JOIN message m ON m.id = n.message_id
                        WHERE m.visit_id = ? AND n.type = 'VISIT_REMINDER'""").param(second.toString())
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(moved.minusHours(24).toInstant());

        // visit 1 is cancelled: its reminders never go
        publish(new VisitCancelled(consultationId, first, 1, VisitCancelReason.PATIENT_REQUEST, Instant.now()), "booking-service");
        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 4);
        assertThat(sms.messagesTo(phone).get(3).body()).contains("cancelled");
        assertThat(jdbc.sql("""
                        SELECT n.type || ':' || n.status || ':' || n.reason FROM notification n
                        JOIN message m ON m.id = n.message_id WHERE m.visit_id = ? AND n.type LIKE '%REMINDER'
                        ORDER BY n.type""").param(first.toString()).query(String.class).list())
                .containsExactly("FASTING_REMINDER:SUPPRESSED:VISIT_CANCELLED", "VISIT_REMINDER:SUPPRESSED:VISIT_CANCELLED");
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
