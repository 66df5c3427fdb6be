package com.housecall.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.events.booking.BookingCompleted;
import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.BookingUnfulfilled;
import com.housecall.events.booking.CancelledBy;
import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.booking.ContactUpdated;
import com.housecall.events.booking.HoldReason;
import com.housecall.events.booking.IntakeSubmitted;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.PersonalDataErased;
import com.housecall.events.booking.Phq9Answers;
import com.housecall.events.booking.Phq9Submitted;
import com.housecall.events.booking.VisitCancelReason;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.booking.VisitLocation;
import com.housecall.events.booking.VisitPhase;
import com.housecall.events.booking.VisitPurpose;
import com.housecall.events.booking.VisitRequested;
import com.housecall.events.dispatch.DeclineReason;
import com.housecall.events.dispatch.EscalationReason;
import com.housecall.events.dispatch.ScheduleCause;
import com.housecall.events.dispatch.VisitDeclined;
import com.housecall.events.dispatch.VisitEscalated;
import com.housecall.events.dispatch.VisitEscalationAcknowledged;
import com.housecall.events.dispatch.VisitProgress;
import com.housecall.events.dispatch.VisitRescheduleFailed;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.events.notification.NotificationFailed;
import com.housecall.events.notification.NotificationSent;
import com.housecall.events.notification.NotificationSuppressed;
import com.housecall.events.phi.DataKeyIssued;
import com.housecall.events.phi.DataKeyShredded;
import com.housecall.events.screening.CaseKind;
import com.housecall.events.screening.Decision;
import com.housecall.events.screening.SafetyAcknowledged;
import com.housecall.events.screening.SafetyAlert;
import com.housecall.events.screening.SafetyWithdrawn;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.events.screening.ScreeningStarted;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventSchemasTest {

    static final UUID ID = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-12-01T17:00:00Z");
    static final OffsetDateTime START = OffsetDateTime.parse("2026-12-02T09:00:00-08:00");

    static Stream<ConsultationEvent> samples() {
        return Stream.of(
                new ConsultationRequested(ID, "REFERRAL", "CA", "941", "America/Los_Angeles", NOW, "clinic-a"),
                new IntakeSubmitted(ID, 38, "America/Los_Angeles", List.of(2, 2, 1, 2, 1, 2, 1, 1, 0), null, 2, List.of(),
                        List.of("sertraline 100 mg"), false, false, false, false, new IntakeSubmitted.BloodPressure(124, 80), true, NOW),
                new ContactUpdated(ID, "Ada", "Lovelace", "ada@example.test", "+14155550100", List.of("SMS", "EMAIL"),
                        new ContactUpdated.Consent(true, true), "America/Los_Angeles"),
                new LocationUpdated(ID, "1 Main St", "San Francisco", "CA", "94107", "America/Los_Angeles", "Ada",
                        "+14155550100"),
                new VisitRequested(ID, UUID.randomUUID(), 1, VisitPhase.INDUCTION,
                        List.of(new TimeWindow(START, START.plusHours(4))), "CA", "941", "America/Los_Angeles", NOW, VisitPurpose.RESCHEDULE),
                VisitLocation.of(new VisitRequested(ID, UUID.randomUUID(), 2, VisitPhase.INDUCTION,
                        List.of(new TimeWindow(START, START.plusHours(2))), "CA", "941", "America/Los_Angeles", NOW),
                        new LocationUpdated(ID, "1 Main St", "San Francisco", "CA", "94107", "America/Los_Angeles",
                                "Ada", "+14155550100")),
                new BookingConfirmed(ID, UUID.randomUUID(), START, START.plusMinutes(85), "Jordan P.", "America/Los_Angeles", 6),
                new BookingUnfulfilled(ID, UUID.randomUUID(), "NO_QUALIFIED_NURSE", NOW),
                new BookingCompleted(ID, 6, NOW),
                new ConsultationCancelled(ID, "CONFIRMED", CancelledBy.PATIENT, NOW),
                new VisitCancelled(ID, UUID.randomUUID(), 2, VisitCancelReason.CONSULTATION_CANCELLED, NOW),
                new Phq9Submitted(ID, UUID.randomUUID(), 1, NOW),
                new ConsultationHeld(ID, HoldReason.CRISIS_PHQ9, "CONFIRMED", NOW),
                new Phq9Answers(ID, UUID.randomUUID(), 1, "America/Los_Angeles", List.of(1, 1, 1, 1, 0, 0, 1, 0, 0), NOW),
                new PersonalDataErased(ID, NOW),
                new DataKeyIssued(ID, UUID.randomUUID(), "v1", "c2VhbGVk"),
                new DataKeyShredded(ID, UUID.randomUUID()),
                new ScreeningStarted(ID, NOW),
                new ScreeningCompleted(ID, ScreeningOutcome.ELIGIBLE, "1", List.of(),
                        new ScreeningCompleted.Score(12, "MODERATE"), null, NOW),
                new ScreeningDecided(ID, Decision.DECLINE, CaseKind.INTAKE, ScreeningOutcome.CRISIS, NOW),
                new SafetyAlert(ID, UUID.randomUUID(), 2, NOW),
                new SafetyAcknowledged(ID, UUID.randomUUID(), NOW),
                new SafetyWithdrawn(ID, UUID.randomUUID(), NOW),
                new VisitScheduled(ID, UUID.randomUUID(), 1, UUID.randomUUID(), "Jordan P.", START, START.plusMinutes(85),
                        "America/Los_Angeles", ScheduleCause.RESCHEDULED, START.minusDays(1), true),
                new VisitUnschedulable(ID, UUID.randomUUID(), 1, "NO_QUALIFIED_NURSE", NOW),
                new VisitStatusChanged(ID, UUID.randomUUID(), VisitProgress.EN_ROUTE, NOW),
                new VisitDeclined(ID, UUID.randomUUID(), 1, UUID.randomUUID(), DeclineReason.NURSE_INACTIVE, NOW),
                new VisitRescheduleFailed(ID, UUID.randomUUID(), 2, "NO_QUALIFIED_NURSE", START, "America/Los_Angeles", NOW),
                new VisitEscalated(ID, UUID.randomUUID(), UUID.randomUUID(),
                        List.of(EscalationReason.SPO2_LOW, EscalationReason.HEART_RATE_HIGH), 1, NOW),
                new VisitEscalationAcknowledged(ID, UUID.randomUUID(), UUID.randomUUID(), NOW),
                new NotificationSent(ID, UUID.randomUUID(), "EMAIL", "BOOKING_CONFIRMED", "<abc@housecall>", NOW),
                new NotificationFailed(ID, UUID.randomUUID(), "SMS", "BOOKING_CONFIRMED", "OUTCOME_UNKNOWN", NOW),
                new NotificationSuppressed(ID, UUID.randomUUID(), "SMS", "SAFETY_HOLD", "OPTED_OUT", NOW));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyPayloadConformsToItsSchema(ConsultationEvent payload) {
        EventCatalog.Entry entry = EventCatalog.of(payload);

        assertThat(EventSchemas.violations(entry.type(), EventJson.write(payload))).isEmpty();
    }

    @Test
    void everyCatalogueEntryHasASample() {
        assertThat(samples().map(p -> EventCatalog.of(p).type())).containsExactlyInAnyOrderElementsOf(
                EventCatalog.ALL.stream().map(EventCatalog.Entry::type).toList());
    }

    @Test
    void aSharedTopicSchemaRejectsAnyExtraFieldSuchAsAName() {
        String json = """
                {"consultationId":"%s","source":"PATIENT","state":"CA","zipPrefix":"941",
                 "timeZone":"America/Los_Angeles","requestedAt":"2026-12-01T17:00:00Z","givenName":"Ada"}""".formatted(ID);

        assertThat(EventSchemas.violations(EventTypes.CONSULTATION_REQUESTED, json.getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(v -> assertThat(v).contains("givenName"));
    }

    @Test
    void aDecisionCarriesNoNote() {
        String json = """
                {"consultationId":"%s","decision":"APPROVE","kind":"INTAKE","decidedAt":"2026-12-01T17:00:00Z",
                 "note":"spoke with the patient"}""".formatted(ID);

        assertThat(EventSchemas.violations(EventTypes.SCREENING_DECIDED, json.getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(v -> assertThat(v).contains("note"));
    }

    @Test
    void aVisitInstantKeepsItsSecondsAndOffset() {
        String json = new String(EventJson.write(new VisitScheduled(ID, ID, 1, ID, "Jordan P.", START,
                START.plusMinutes(85), "America/Los_Angeles")), StandardCharsets.UTF_8);

        assertThat(json).contains("\"start\":\"2026-12-02T09:00:00-08:00\"", "\"cause\":\"BOOKED\"");
    }

    @Test
    void aSafetyAlertSequenceStartsAtOne() {
        String json = """
                {"consultationId":"%s","alertId":"%s","sequence":0,"raisedAt":"2026-12-01T17:00:00Z"}"""
                .formatted(ID, UUID.randomUUID());

        assertThat(EventSchemas.violations(EventTypes.SAFETY_ALERT, json.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void aFreshPhq9OnTheSharedTopicCarriesNoAnswers() {
        String json = """
                {"consultationId":"%s","submissionId":"%s","block":1,"submittedAt":"2026-12-01T17:00:00Z",
                 "phq9":[1,1,1,1,0,0,1,0,0]}""".formatted(ID, UUID.randomUUID());

        assertThat(EventSchemas.violations(EventTypes.PHQ9_SUBMITTED, json.getBytes(StandardCharsets.UTF_8)))
                .anySatisfy(v -> assertThat(v).contains("phq9"));
        assertThat(EventCatalog.byType(EventTypes.PHQ9_ANSWERS).orElseThrow().topic()).isEqualTo(Topics.BOOKING_INTAKE);
    }

    @Test
    void aLocationWithoutContactsStillConforms() {
        LocationUpdated older = new LocationUpdated(ID, "1 Main St", "San Francisco", "CA", "94107", "America/Los_Angeles");

        assertThat(EventSchemas.violations(EventTypes.LOCATION_UPDATED, EventJson.write(older))).isEmpty();
        assertThat(new String(EventJson.write(older), StandardCharsets.UTF_8)).doesNotContain("firstName", "phone");
    }

    @Test
    void aDeclineOnTheSharedTopicCarriesNoFreeTextReason() {
        String json = """
                {"consultationId":"%s","visitId":"%s","sequence":1,"nurseId":"%s","reason":"running late, sorry",
                 "at":"2026-12-01T17:00:00Z"}""".formatted(ID, UUID.randomUUID(), UUID.randomUUID());

        assertThat(EventSchemas.violations(EventTypes.VISIT_DECLINED, json.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void aFullZipCodeIsNotAPrefix() {
        String json = """
                {"consultationId":"%s","source":"PATIENT","state":"CA","zipPrefix":"94107",
                 "timeZone":"America/Los_Angeles","requestedAt":"2026-12-01T17:00:00Z"}""".formatted(ID);

        assertThat(EventSchemas.violations(EventTypes.CONSULTATION_REQUESTED, json.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }
}
