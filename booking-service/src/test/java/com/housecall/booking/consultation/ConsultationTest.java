package com.housecall.booking.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.housecall.booking.BookingIntegration;
import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventCatalog;
import com.housecall.events.EventTypes;
import com.housecall.events.booking.BookingCompleted;
import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.CancelledBy;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.HoldReason;
import com.housecall.events.booking.VisitCancelReason;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.booking.VisitPurpose;
import com.housecall.events.booking.VisitRequested;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.security.problem.ConflictException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consultation aggregate on its own, no database or broker: each transition guards the status machine,
 * changes the state and registers its events; the timeline is what was registered on shared topics and heard.
 */
class ConsultationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.now();
    private final CourseRequests plans = new CourseRequests();

    private static Consultation requested(int item9) {
        ConsultationRequest request = JSON.readValue(BookingIntegration.validRequest(item9), ConsultationRequest.class);
        return Consultation.request(NewConsultation.byPatient(UUID.randomUUID(), "patient-subject", request), NOW);
    }

    private static List<String> types(Consultation c) {
        return c.emitted().events().stream().map(r -> EventTypes.shortName(EventCatalog.of(r.event()).type()))
                .toList();
    }

    private static <T extends ConsultationEvent> List<T> events(Consultation c, Class<T> type) {
        return c.emitted().events().stream().map(Emissions.Registered::event).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private Consultation confirmed() {
        Consultation c = requested(0);
        c.screened(ScreeningOutcome.ELIGIBLE, "{}", NOW);
        Visit first = c.course().visits().getFirst();
        OffsetDateTime start = first.windows().getFirst().start();
        c.course().scheduled(first, new VisitScheduled(c.id(), first.id(), 1, UUID.randomUUID(), "Jordan P.", start,
                start.plusMinutes(85), "America/Los_Angeles"), plans, NOW);
        c.saved();
        return c;
    }

    @Test
    void aRequestAnnouncesItselfTheIntakeAndTheContactAndOnlyTheSharedEventIsInTheTimeline() {
        Consultation c = requested(0);

        assertThat(c.status()).isEqualTo(ConsultationStatus.REQUESTED);
        assertThat(types(c)).containsExactly("consultation.requested", "intake.submitted", "contact.updated");
        assertThat(c.emitted().timeline()).extracting(Emissions.Line::eventType)
                .containsExactly(EventTypes.CONSULTATION_REQUESTED);
    }

    @Test
    void aCrisisAtScreeningHoldsOnceAndAsksNoNurse() {
        Consultation c = requested(1);
        c.screeningStarted();
        c.screened(ScreeningOutcome.CRISIS, "{}", NOW);
        c.screened(ScreeningOutcome.CRISIS, "{}", NOW);

        assertThat(c.status()).isEqualTo(ConsultationStatus.SAFETY_HOLD);
        assertThat(events(c, ConsultationHeld.class)).singleElement().satisfies(held -> {
            assertThat(held.reason()).isEqualTo(HoldReason.CRISIS_INTAKE);
            assertThat(held.previousStatus()).isEqualTo("SCREENING");
        });
        assertThat(c.course().visits()).isEmpty();
    }

    @Test
    void anEligibleOutcomeSendsTheAddressThenAsksForVisitOne() {
        Consultation c = requested(0);
        c.saved();
        c.screened(ScreeningOutcome.ELIGIBLE, "{}", NOW);

        assertThat(c.status()).isEqualTo(ConsultationStatus.SCHEDULING);
        assertThat(types(c)).containsExactly("location.updated", "visit.requested", "visit.location");
        assertThat(events(c, VisitRequested.class).getFirst().purpose()).isEqualTo(VisitPurpose.BOOK);
    }

    @Test
    void visitOneBookedConfirmsTheCourseAndAsksForTheOtherFive() {
        Consultation c = requested(0);
        c.screened(ScreeningOutcome.ELIGIBLE, "{}", NOW);
        c.saved();
        Visit first = c.course().visits().getFirst();
        OffsetDateTime start = first.windows().getFirst().start();
        c.course().scheduled(first, new VisitScheduled(c.id(), first.id(), 1, UUID.randomUUID(), "Jordan P.", start,
                start.plusMinutes(85), "America/Los_Angeles"), plans, NOW);

        assertThat(c.status()).isEqualTo(ConsultationStatus.CONFIRMED);
        assertThat(events(c, BookingConfirmed.class)).singleElement()
                .satisfies(confirmed -> assertThat(confirmed.courseVisits()).isEqualTo(6));
        assertThat(events(c, VisitRequested.class)).extracting(VisitRequested::sequence).containsExactly(2, 3, 4, 5, 6);
        assertThat(first.status()).isEqualTo(VisitStatus.SCHEDULED);
    }

    @Test
    void aFreshPhq9WithItem9HoldsTheCourseAndCancelsEveryVisitNotUnderWay() {
        Consultation c = confirmed();
        Visit underWay = c.course().visits().getFirst();
        c.course().progressed(underWay, VisitStatus.EN_ROUTE, NOW);

        boolean crisis = c.submitPhq9(List.of(0, 0, 0, 0, 0, 0, 0, 0, 2), NOW);

        assertThat(crisis).isTrue();
        assertThat(c.status()).isEqualTo(ConsultationStatus.SAFETY_HOLD);
        assertThat(events(c, ConsultationHeld.class)).singleElement()
                .satisfies(held -> assertThat(held.reason()).isEqualTo(HoldReason.CRISIS_PHQ9));
        assertThat(events(c, VisitCancelled.class)).hasSize(5)
                .allSatisfy(cancelled -> assertThat(cancelled.reason()).isEqualTo(VisitCancelReason.SAFETY_HOLD));
        assertThat(underWay.status()).isEqualTo(VisitStatus.EN_ROUTE);
    }

    @Test
    void aFinalConsultationCannotBeCancelledAndNothingChanges() {
        Consultation c = requested(0);
        c.screened(ScreeningOutcome.INELIGIBLE, "{}", NOW);
        c.saved();

        assertThatThrownBy(() -> c.cancel(CancelledBy.PATIENT, NOW)).isInstanceOf(ConflictException.class);
        assertThat(c.status()).isEqualTo(ConsultationStatus.INELIGIBLE);
        assertThat(c.emitted().events()).isEmpty();
    }

    @Test
    void theCourseIsCompletedWhenItsLastVisitEndsAndNotBefore() {
        Consultation c = confirmed();
        List<Visit> visits = c.course().visits();
        for (Visit visit : visits.subList(1, visits.size())) {
            c.course().cancelOne(visit, NOW);
        }
        assertThat(c.status()).isEqualTo(ConsultationStatus.CONFIRMED);

        c.course().progressed(visits.getFirst(), VisitStatus.COMPLETED, NOW);

        assertThat(c.status()).isEqualTo(ConsultationStatus.COMPLETED);
        assertThat(events(c, BookingCompleted.class)).singleElement()
                .satisfies(completed -> assertThat(completed.visitsCompleted()).isEqualTo(1));
    }

    @Test
    void theTimelineKeepsWhatWasHeardAndWhatWasEmittedInTheOrderItHappened() {
        Consultation c = requested(0);
        c.saved();
        c.heard(new Heard(EventTypes.SCREENING_COMPLETED, "2026-12-01T10:00:00Z"));
        c.screened(ScreeningOutcome.CRISIS, "{}", NOW);

        assertThat(c.emitted().timeline()).extracting(Emissions.Line::eventType)
                .containsExactly(EventTypes.SCREENING_COMPLETED, EventTypes.CONSULTATION_HELD);
    }
}
