package com.housecall.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventTypes;
import com.housecall.notification.NotificationIntegration;
import com.housecall.notification.contact.Channel;
import com.housecall.testsupport.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sender killed between claiming a notification and recording its outcome (kill -9) left it SENDING for good.
 * Once the claim is older than the send lease, a routine message fails as OUTCOME_UNKNOWN, reported once, and a
 * crisis message goes again; a claim inside the lease may be a live sender's and is left alone. The crash is a claim
 * made as the sender makes it, with no send after it.
 */
class AbandonedSendTest extends NotificationIntegration {

    /** The default {@code housecall.notification.send-lease}. */
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** Queued for a month ahead: the running sender leaves it until the test claims it. */
    private static final Instant LATER = Instant.now().plus(Duration.ofDays(30));

    @Autowired
    MessageRecorder recorder;
    @Autowired
    Notifications notifications;
    @Autowired
    Visits visits;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    @Test
    void aConfirmationAbandonedMidSendFailsOnceAsOutcomeUnknownAfterTheLease() {
        UUID consultationId = abandonedConfirmationEmail();
        String email = email(consultationId);

        CLOCK.moveBy(LEASE.plusSeconds(1));

        await().atMost(WAIT).until(() -> statuses(consultationId, "BOOKING_CONFIRMED")
                .equals(List.of("EMAIL:FAILED:OUTCOME_UNKNOWN")));
        await().atMost(WAIT).until(() -> failures(consultationId).size() == 1);
        assertThat(failures(consultationId).getFirst().value())
                .contains("\"OUTCOME_UNKNOWN\"", "\"EMAIL\"", "\"BOOKING_CONFIRMED\"").doesNotContain(email);
        // the recovery keeps looking: nothing more changes, no second failure, nothing sent
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                failures(consultationId).size() == 1
                        && statuses(consultationId, "BOOKING_CONFIRMED")
                                .equals(List.of("EMAIL:FAILED:OUTCOME_UNKNOWN")));
        assertThat(emailsTo(email)).isEmpty();
    }

    @Test
    void aClaimInsideTheLeaseIsLeftToItsSender() {
        UUID consultationId = abandonedConfirmationEmail();

        CLOCK.moveBy(LEASE.dividedBy(2));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> statuses(consultationId, "BOOKING_CONFIRMED").equals(List.of("EMAIL:SENDING:")));
        assertThat(failures(consultationId)).isEmpty();
    }

    @Test
    void aCrisisMessageAbandonedMidSendIsSentAgainAfterTheLease() {
        UUID consultationId = UUID.randomUUID();
        String phone = newPhone();
        knownContact(consultationId, null, phone);
        claimedAndAbandoned(new Messages.NewMessage(consultationId, UUID.randomUUID(), NotificationType.SAFETY_HOLD,
                null, null, null, null, LATER, null, null), Channel.SMS);

        CLOCK.moveBy(LEASE.plusSeconds(1));

        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 1);
        assertThat(sms.messagesTo(phone).getFirst().body()).contains("911", "988");
        await().atMost(WAIT).until(() -> statuses(consultationId, "SAFETY_HOLD").equals(List.of("SMS:SENT:")));
        assertThat(failures(consultationId)).isEmpty();
    }

    @Test
    void aReminderWaitingForAnAbandonedConfirmationGoesOnceTheConfirmationIsRecovered() throws Exception {
        UUID consultationId = UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        String email = email(consultationId);
        ZoneId zone = knownContact(consultationId, email, null);
        OffsetDateTime start = OffsetDateTime.now(zone).plusHours(20).truncatedTo(ChronoUnit.MINUTES);
        transactions.executeWithoutResult(status ->
                visits.save(visitId, consultationId, 1, start, zone.getId(), "Sam Lee"));
        claimedAndAbandoned(confirmation(consultationId, visitId, start, zone), Channel.EMAIL);
        transactions.executeWithoutResult(status -> recorder.record(new Messages.NewMessage(consultationId, visitId,
                NotificationType.VISIT_REMINDER, visitId, start, zone.getId(), "Sam Lee", CLOCK.instant(), null,
                null)));

        // due, but its confirmation is still being sent, as far as anyone can tell
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> statuses(consultationId, "VISIT_REMINDER").equals(List.of("EMAIL:QUEUED:")));
        assertThat(emailsTo(email)).isEmpty();

        CLOCK.moveBy(LEASE.plusSeconds(1));

        await().atMost(WAIT).until(() -> emailsTo(email).size() == 1);
        assertThat(emailsTo(email).getFirst().getSubject()).startsWith("Reminder: your Housecall visit");
        assertThat(statuses(consultationId, "BOOKING_CONFIRMED")).containsExactly("EMAIL:FAILED:OUTCOME_UNKNOWN");
        await().atMost(WAIT).until(() -> statuses(consultationId, "VISIT_REMINDER").equals(List.of("EMAIL:SENT:")));
    }

    /** A patient's confirmation email, claimed and abandoned; answers the consultation. */
    private UUID abandonedConfirmationEmail() {
        UUID consultationId = UUID.randomUUID();
        ZoneId zone = knownContact(consultationId, email(consultationId), null);
        OffsetDateTime start = OffsetDateTime.now(zone).plusDays(2).withHour(9).withMinute(0).withSecond(0).withNano(0);
        claimedAndAbandoned(confirmation(consultationId, UUID.randomUUID(), start, zone), Channel.EMAIL);
        return consultationId;
    }

    /** The contact, by its event, in a zone where it is daytime; answers the zone. */
    private ZoneId knownContact(UUID consultationId, @Nullable String email, @Nullable String phone) {
        ZoneId zone = daytimeZone();
        publish(contact(consultationId, email, phone, List.of(email != null ? "EMAIL" : "SMS"), email != null,
                phone != null, zone), "booking-service");
        await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM contact WHERE consultation_id = ?")
                .param(consultationId.toString()).query(Long.class).single() == 1);
        return zone;
    }

    /** Records the message and claims its notification on {@code channel} as the sender does, then sends nothing. */
    private void claimedAndAbandoned(Messages.NewMessage message, Channel channel) {
        transactions.executeWithoutResult(status -> recorder.record(message));
        UUID id = UUID.fromString(jdbc.sql("""
                        SELECT id FROM notification WHERE consultation_id = ? AND type = ? AND channel = ?""")
                .params(message.consultationId().toString(), message.type().name(), channel.name())
                .query(String.class).single());
        assertThat(notifications.claim(id, 0, CLOCK.instant())).isTrue();
    }

    /** The course email of a one-visit course, queued for later. */
    private static Messages.NewMessage confirmation(UUID consultationId, UUID visitId, OffsetDateTime start,
                                                    ZoneId zone) {
        return new Messages.NewMessage(consultationId, visitId, NotificationType.BOOKING_CONFIRMED, visitId, start,
                zone.getId(), "Sam Lee", LATER, null, "1");
    }

    private static String email(UUID consultationId) {
        return "abandoned." + consultationId + "@example.com";
    }

    private static List<TopicRecorder.Received> failures(UUID consultationId) {
        return notificationEvents.matching(r -> consultationId.toString().equals(r.header("ce_subject"))
                && EventTypes.NOTIFICATION_FAILED.equals(r.header("ce_type")));
    }
}
