package com.housecall.notification.careloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.BookingUnfulfilled;
import com.housecall.events.booking.CancelledBy;
import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.booking.HoldReason;
import com.housecall.events.booking.VisitCancelReason;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.dispatch.ScheduleCause;
import com.housecall.events.dispatch.VisitProgress;
import com.housecall.events.dispatch.VisitRescheduleFailed;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.events.screening.CaseKind;
import com.housecall.events.screening.Decision;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.localstack.sms.SmsSink;
import com.housecall.notification.NotificationIntegration;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 12, as the patient notices it: what arrives (SMS sink, SMTP), how often, in which order, at what hour. */
class CareLoopMessagesTest extends NotificationIntegration {

    private static final Duration SETTLE = Duration.ofSeconds(3);

    private static OffsetDateTime daysAhead(ZoneId zone, int days) {
        return OffsetDateTime.now(zone).plusDays(days).withHour(10).withMinute(0).truncatedTo(ChronoUnit.MINUTES);
    }

    private static VisitScheduled booked(UUID consultationId, UUID visitId, int sequence, OffsetDateTime start,
                                         ZoneId zone) {
        return new VisitScheduled(consultationId, visitId, sequence, UUID.randomUUID(), "Sam Lee", start,
                start.plusMinutes(85), zone.getId());
    }

    private static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    private List<String> smsBodies(String phone) {
        return sms.messagesTo(phone).stream().map(SmsSink.Received::body).toList();
    }

    /** Reproduces: a fresh PHQ-9 crisis on a confirmed course sent no crisis message, only cancellation texts. */
    @Test
    void aHoldSendsTheCrisisMessageToEveryConsentedChannelAtNightAndNoCancellationText() {
        UUID consultationId = UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        String phone = newPhone();
        String email = "held." + consultationId + "@example.com";
        ZoneId night = nightZone();
        // email preferred only: the crisis message still goes by SMS too (consented)
        publish(contact(consultationId, email, phone, List.of("EMAIL"), true, true, night), "booking-service");
        OffsetDateTime start = daysAhead(night, 3);
        publish(new BookingConfirmed(consultationId, visitId, start, start.plusMinutes(85), "Sam Lee", night.getId(),
                1), "booking-service");
        publish(new ConsultationHeld(consultationId, HoldReason.CRISIS_PHQ9, "CONFIRMED", Instant.now()),
                "booking-service");
        publish(new VisitCancelled(consultationId, visitId, 1, VisitCancelReason.SAFETY_HOLD, Instant.now()), "booking-service");

        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 1 && emailsTo(email).size() == 1);
        assertThat(smsBodies(phone).getFirst()).startsWith("Call 911").contains("988", "paused");
        assertThat(body(emailsTo(email).getFirst())).contains("911", "988", "clinician will call you");
        await().during(SETTLE).atMost(SETTLE.plusSeconds(5)).until(() -> sms.messagesTo(phone).size() == 1
                && emailsTo(email).size() == 1);
        assertThat(statuses(consultationId, "VISIT_CANCELLED")).isEmpty();
        // the confirmation still held for the morning would now mislead: it never goes
        assertThat(statuses(consultationId, "BOOKING_CONFIRMED")).containsExactly("EMAIL:SUPPRESSED:SAFETY_HOLD");
    }

    /** Reproduces: a clinician's decline after review sent the patient nothing. */
    @Test
    void aClinicianDecisionIsToldDeclineAndCrisisDeclineWith988() {
        UUID reviewed = UUID.randomUUID();
        String phone = newPhone();
        publish(contact(reviewed, null, phone, List.of("SMS"), false, true, daytimeZone()), "booking-service");
        publish(new ScreeningCompleted(reviewed, ScreeningOutcome.REVIEW, "1", List.of(), null, null, Instant.now()),
                "screening-service");
        publish(new ScreeningDecided(reviewed, Decision.DECLINE, CaseKind.INTAKE, ScreeningOutcome.REVIEW, Instant.now()), "screening-service");
        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 2);
        assertThat(smsBodies(phone).get(1)).contains("can't offer treatment at home", "doctor")
                .doesNotContain("988");

        UUID crisis = UUID.randomUUID();
        String other = newPhone();
        publish(contact(crisis, null, other, List.of("SMS"), false, true, daytimeZone()), "booking-service");
        publish(new ScreeningDecided(crisis, Decision.DECLINE, CaseKind.INTAKE, ScreeningOutcome.CRISIS, Instant.now()), "screening-service");
        await().atMost(WAIT).until(() -> sms.messagesTo(other).size() == 1);
        assertThat(smsBodies(other).getFirst()).contains("can't offer treatment at home", "988");

        UUID approved = UUID.randomUUID();
        String third = newPhone();
        publish(contact(approved, null, third, List.of("SMS"), false, true, daytimeZone()), "booking-service");
        publish(new ScreeningDecided(approved, Decision.APPROVE, CaseKind.INTAKE, ScreeningOutcome.REVIEW, Instant.now()), "screening-service");
        await().atMost(WAIT).until(() -> sms.messagesTo(third).size() == 1);
        assertThat(smsBodies(third).getFirst()).contains("approved", "finding a nurse");
    }

    /** Reproduces: a booking sent one SMS and one email per visit within a second (8 and 8 for a course). */
    @Test
    void aCourseIsOneSmsAndOneEmailAndLaterChangesOneMessageEach() {
        UUID consultationId = UUID.randomUUID();
        String phone = newPhone();
        String email = "course." + consultationId + "@example.com";
        ZoneId zone = daytimeZone();
        publish(contact(consultationId, email, phone, List.of("EMAIL", "SMS"), true, true, zone), "booking-service");
        OffsetDateTime first = daysAhead(zone, 3);
        UUID[] visits = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID()};
        publish(new BookingConfirmed(consultationId, visits[0], first, first.plusMinutes(85), "Maria Gonzalez",
                zone.getId(), 6), "booking-service");
        for (int sequence = 2; sequence <= 6; sequence++) {
            publish(booked(consultationId, visits[sequence - 1], sequence, first.plusDays(2L * (sequence - 1)), zone),
                    "dispatch-service");
        }

        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 1 && emailsTo(email).size() == 1);
        assertThat(smsBodies(phone).getFirst()).contains("first visit confirmed", "Maria", "10:00 AM",
                "No food 6 h before", "5 more visits: see the app");
        String course = body(emailsTo(email).getFirst());
        assertThat(course).contains("Visit 1:", "Visit 2:", "Visit 6:", "6 hours").doesNotContain("not scheduled");
        await().during(SETTLE).atMost(SETTLE.plusSeconds(5)).until(() -> sms.messagesTo(phone).size() == 1
                && emailsTo(email).size() == 1);

        // a reschedule: one message
        OffsetDateTime moved = first.plusDays(5).withHour(14);
        publish(new VisitScheduled(consultationId, visits[2], 3, UUID.randomUUID(), "Sam Lee", moved,
                moved.plusMinutes(85), zone.getId(), ScheduleCause.RESCHEDULED, first.plusDays(4), false),
                "dispatch-service");
        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 2 && emailsTo(email).size() == 2);
        assertThat(smsBodies(phone).get(1)).contains("moved to", "2:00 PM");

        // a new nurse at the same time: one message naming her
        OffsetDateTime fourth = first.plusDays(6);
        publish(new VisitScheduled(consultationId, visits[3], 4, UUID.randomUUID(), "Jo Park", fourth,
                fourth.plusMinutes(85), zone.getId(), ScheduleCause.REDISPATCHED, fourth, true), "dispatch-service");
        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 3);
        assertThat(smsBodies(phone).get(2)).contains("new nurse, Jo", "same time");

        // a reschedule that found no nurse: the visit keeps its time
        OffsetDateTime fifth = first.plusDays(8);
        publish(new VisitRescheduleFailed(consultationId, visits[4], 5, "NO_NURSE", fifth, zone.getId(),
                Instant.now()), "dispatch-service");
        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 4);
        assertThat(smsBodies(phone).get(3)).contains("could not move", "10:00 AM");
    }

    @Test
    void anUnschedulableVisitInTheCourseIsToldOnceBySmsAndListedInTheCourseEmail() {
        UUID consultationId = UUID.randomUUID();
        String phone = newPhone();
        String email = "gap." + consultationId + "@example.com";
        ZoneId zone = daytimeZone();
        publish(contact(consultationId, email, phone, List.of("EMAIL", "SMS"), true, true, zone), "booking-service");
        OffsetDateTime first = daysAhead(zone, 3);
        publish(new BookingConfirmed(consultationId, UUID.randomUUID(), first, first.plusMinutes(85), "Sam Lee",
                zone.getId(), 3), "booking-service");
        publish(booked(consultationId, UUID.randomUUID(), 2, first.plusDays(2), zone), "dispatch-service");
        UUID third = UUID.randomUUID();
        VisitUnschedulable unschedulable = new VisitUnschedulable(consultationId, third, 3, "NO_NURSE", Instant.now());
        publish(unschedulable, "dispatch-service");
        publish(unschedulable, "dispatch-service"); // a re-plan that failed again: told once

        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 2 && emailsTo(email).size() == 1);
        assertThat(smsBodies(phone)).anySatisfy(text -> assertThat(text).contains("2 more visits"))
                .anySatisfy(text -> assertThat(text).contains("couldn't find a nurse for one of your visits"));
        assertThat(body(emailsTo(email).getFirst())).contains("Visit 2:", "Visit 3: not scheduled yet");
        await().during(SETTLE).atMost(SETTLE.plusSeconds(5)).until(() -> sms.messagesTo(phone).size() == 2
                && emailsTo(email).size() == 1);
    }

    /** Reproduces (e2e): no nurse for the first visit sent "one of your visits" and "the times you chose" at once. */
    @Test
    void aRequestNoNurseCanTakeIsToldOnceToChooseOtherTimes() {
        UUID consultationId = UUID.randomUUID();
        String phone = newPhone();
        String email = "unfulfilled." + consultationId + "@example.com";
        publish(contact(consultationId, email, phone, List.of("EMAIL", "SMS"), true, true, daytimeZone()),
                "booking-service");
        UUID first = UUID.randomUUID();
        publish(new VisitUnschedulable(consultationId, first, 1, "NO_QUALIFIED_NURSE", Instant.now()),
                "dispatch-service");
        publish(new BookingUnfulfilled(consultationId, first, "NO_QUALIFIED_NURSE", Instant.now()), "booking-service");

        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 1 && emailsTo(email).size() == 1);
        assertThat(smsBodies(phone).getFirst()).contains("the times you chose", "choose other times");
        await().during(SETTLE).atMost(SETTLE.plusSeconds(5)).until(() -> sms.messagesTo(phone).size() == 1
                && emailsTo(email).size() == 1);
    }

    @Test
    void cancellingDuringAHoldSaysSoKindlyAndNames988() {
        UUID consultationId = UUID.randomUUID();
        String phone = newPhone();
        publish(contact(consultationId, null, phone, List.of("SMS"), false, true, daytimeZone()), "booking-service");
        publish(new ConsultationHeld(consultationId, HoldReason.CRISIS_INTAKE, "SCREENING", Instant.now()),
                "booking-service");
        publish(new ConsultationCancelled(consultationId, "SAFETY_HOLD", CancelledBy.PATIENT, Instant.now()),
                "booking-service");

        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 2);
        assertThat(smsBodies(phone).get(1)).contains("cancelled", "988").doesNotContain("crisis", "safety");
    }

    @Test
    void theCourseEmailGoesTwoMinutesAfterTheConfirmationWhenVisitsAreStillUnsettled() {
        UUID consultationId = UUID.randomUUID();
        String email = "late." + consultationId + "@example.com";
        ZoneId zone = daytimeZone();
        publish(contact(consultationId, email, null, List.of("EMAIL"), true, false, zone), "booking-service");
        OffsetDateTime first = daysAhead(zone, 3);
        publish(new BookingConfirmed(consultationId, UUID.randomUUID(), first, first.plusMinutes(85), "Sam Lee",
                zone.getId(), 3), "booking-service");
        String visit2 = publishAndWait(booked(consultationId, UUID.randomUUID(), 2, first.plusDays(2), zone));
        await().atMost(WAIT).until(() -> processed(visit2) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> emailsTo(email).isEmpty());
        try {
            CLOCK.moveBy(Duration.ofMinutes(2).plusSeconds(1));
            await().atMost(WAIT).until(() -> emailsTo(email).size() == 1);
        } finally {
            CLOCK.reset();
        }
        assertThat(body(emailsTo(email).getFirst())).contains("Visit 2:", "Visit 3: not scheduled yet");
    }

    /** Reproduces: the fasting reminder could arrive before the confirmation it reminds of. */
    @Test
    void theFastingReminderNeverComesBeforeTheConfirmationOnItsChannel() {
        UUID consultationId = UUID.randomUUID();
        String phone = newPhone();
        String email = "fasting." + consultationId + "@example.com";
        ZoneId zone = daytimeZone();
        publish(contact(consultationId, email, phone, List.of("EMAIL", "SMS"), true, true, zone), "booking-service");
        // in 7 h: the fasting reminder is due at once
        OffsetDateTime start = OffsetDateTime.now(zone).plusHours(7).truncatedTo(ChronoUnit.MINUTES);
        publish(new BookingConfirmed(consultationId, UUID.randomUUID(), start, start.plusMinutes(85), "Sam Lee",
                zone.getId(), 2), "booking-service");

        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 2);
        assertThat(smsBodies(phone).get(0)).contains("visit confirmed");
        assertThat(smsBodies(phone).get(1)).contains("please don't eat after");
        // the course email waits for visit 2: so does the fasting email
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> emailsTo(email).isEmpty());
        publish(booked(consultationId, UUID.randomUUID(), 2, start.plusDays(2), zone), "dispatch-service");
        await().atMost(WAIT).until(() -> emailsTo(email).size() == 2);
        assertThat(subject(emailsTo(email).get(0))).contains("visits are booked");
        assertThat(subject(emailsTo(email).get(1))).contains("don't eat after");
    }

    /** Reproduces: quiet hours held the confirmation of a request made minutes ago and "nurse on the way". */
    @Test
    void atNightAQuickConfirmationAndTheNurseOnTheWayGoButAnApprovalWaitsForMorning() {
        UUID consultationId = UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        String phone = newPhone();
        ZoneId night = nightZone();
        publish(contact(consultationId, null, phone, List.of("SMS"), false, true, night), "booking-service");
        publish(new ConsultationRequested(consultationId, "WEB", "CA", "940", night.getId(), Instant.now()),
                "booking-service");
        OffsetDateTime start = daysAhead(night, 3);
        publish(new BookingConfirmed(consultationId, visitId, start, start.plusMinutes(85), "Sam Lee", night.getId(),
                1), "booking-service");
        publish(new VisitStatusChanged(consultationId, visitId, VisitProgress.EN_ROUTE, Instant.now()), "dispatch-service");
        await().atMost(WAIT).until(() -> sms.messagesTo(phone).size() == 3);
        assertThat(smsBodies(phone)).anySatisfy(text -> assertThat(text).contains("visit confirmed"))
                .anySatisfy(text -> assertThat(text).contains("on the way"));

        UUID reviewed = UUID.randomUUID();
        String other = newPhone();
        publish(contact(reviewed, null, other, List.of("SMS"), false, true, night), "booking-service");
        publish(new ScreeningDecided(reviewed, Decision.APPROVE, CaseKind.INTAKE, ScreeningOutcome.REVIEW, Instant.now()), "screening-service");
        await().atMost(WAIT).until(() -> jdbc.sql("""
                        SELECT due_at FROM notification WHERE consultation_id = ? AND type = 'REVIEW_APPROVED'""")
                .param(reviewed.toString()).query(OffsetDateTime.class).optional()
                .map(due -> due.toInstant().atZone(night).getHour() == 8).orElse(false));
        assertThat(sms.messagesTo(other)).isEmpty();
    }

    private static String publishAndWait(com.housecall.events.ConsultationEvent event) {
        return com.housecall.testsupport.TestEvents.publish(event, "dispatch-service");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
