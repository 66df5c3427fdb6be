package com.housecall.booking.consultation;

import com.housecall.booking.consultation.ConsultationRepository.StoredConsultation;
import com.housecall.booking.consultation.ConsultationRepository.StoredVisit;
import com.housecall.booking.course.CoursePlanner;
import com.housecall.events.EventTypes;
import com.housecall.events.TimeWindow;
import com.housecall.events.booking.BookingCompleted;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.HoldReason;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.VisitCancelReason;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.booking.VisitPhase;
import com.housecall.events.booking.VisitPurpose;
import com.housecall.events.booking.VisitRequested;
import com.housecall.messaging.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steps of a course the API and the events share: requesting visits, cancelling them, holding for safety,
 * completing. Each runs inside its caller's transaction; every event goes through the outbox with its timeline entry.
 */
@Component
class CourseSteps {

    /** How many visits the induction holds: the first and those planned after it. */
    static final int INDUCTION_VISITS = 1 + CoursePlanner.Cadence.INDUCTION_AFTER_FIRST.visits();

    private final ConsultationRepository repository;
    private final OutboxWriter outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final CoursePlanner planner = new CoursePlanner(CoursePlanner.Hours.DEFAULT);

    CourseSteps(ConsultationRepository repository, OutboxWriter outbox, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    CoursePlanner planner() {
        return planner;
    }

    /**
     * Enters SAFETY_HOLD: one {@code consultation.held} (the crisis message goes out on it), then the visits not yet
     * started are cancelled with reason SAFETY_HOLD (no cancellation text of their own). Callers check the
     * consultation is not held already, so a second crisis emits nothing.
     */
    void hold(StoredConsultation c, HoldReason reason, Instant now) {
        repository.updateStatus(c.id(), ConsultationStatus.SAFETY_HOLD);
        outbox.append(new ConsultationHeld(c.id(), reason, c.status().name(), now));
        record(c.id(), EventTypes.CONSULTATION_HELD, now);
        cancelOpenVisits(c, VisitCancelReason.SAFETY_HOLD, now);
    }

    void requestFirstVisit(StoredConsultation c) {
        ConsultationRequest request = json.readValue(c.requestJson(), ConsultationRequest.class);
        ConsultationRequest.Address address = request.address();
        // the nurse needs where to go and whom to ask for: the first name and phone, never more
        outbox.append(new LocationUpdated(c.id(), address.line1(), address.city(), address.state(), address.postalCode(),
                c.timeZone(), request.patient().givenName(), request.patient().phone()));
        requestVisit(c, 1, VisitPhase.INDUCTION,
                request.preferredWindows().stream().map(w -> new TimeWindow(w.start(), w.end())).toList());
    }

    private void requestVisit(StoredConsultation c, int sequence, VisitPhase phase, List<TimeWindow> windows) {
        UUID visitId = UUID.randomUUID();
        Instant now = Instant.now(clock);
        repository.insertVisit(new StoredVisit(visitId, c.id(), sequence, phase.name(), VisitStatus.REQUESTED.name(), null,
                null, null, json.writeValueAsString(windows), false));
        outbox.append(new VisitRequested(c.id(), visitId, sequence, phase, windows, c.state(), c.zipPrefix(),
                c.timeZone(), now));
        record(c.id(), EventTypes.VISIT_REQUESTED, now);
    }

    /** Asks dispatch again for a known visit ({@code purpose} RESCHEDULE or REPLAN), in new windows. */
    void requestAgain(StoredConsultation c, StoredVisit visit, String status, List<TimeWindow> windows,
                      VisitPurpose purpose, boolean replanned) {
        Instant now = Instant.now(clock);
        repository.updateVisitRequest(visit.id(), status, json.writeValueAsString(windows), replanned);
        outbox.append(new VisitRequested(c.id(), visit.id(), visit.sequence(), VisitPhase.valueOf(visit.phase()),
                windows, c.state(), c.zipPrefix(), c.timeZone(), now, purpose));
        record(c.id(), EventTypes.VISIT_REQUESTED, now);
    }

    /** Visits 2 to 6 of the induction, at once, after the first visit has a nurse (CLINICAL-RULES.md section 2). */
    void requestRestOfInduction(StoredConsultation c, ZonedDateTime firstStart) {
        ZoneId zone = ZoneId.of(c.timeZone());
        List<CoursePlanner.PlannedVisit> plan = planner.plan(List.of(firstStart), firstStart.toLocalTime(), zone,
                CoursePlanner.Cadence.INDUCTION_AFTER_FIRST);
        int sequence = 2;
        for (CoursePlanner.PlannedVisit visit : plan) {
            requestVisit(c, sequence++, VisitPhase.INDUCTION, List.of(window(visit)));
        }
    }

    void requestMaintenanceBlock(StoredConsultation c) {
        ZoneId zone = ZoneId.of(c.timeZone());
        List<StoredVisit> visits = repository.visits(c.id());
        List<ZonedDateTime> held = visits.stream().filter(v -> v.startAt() != null)
                .map(v -> OffsetDateTime.parse(v.startAt()).atZoneSameInstant(zone))
                .sorted(Comparator.naturalOrder()).toList();
        LocalTime usual = held.isEmpty() ? LocalTime.of(9, 0) : held.getFirst().toLocalTime();
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        List<ZonedDateTime> after = held.isEmpty() || held.getLast().isBefore(now) ? List.of(now) : held;
        int sequence = visits.stream().mapToInt(StoredVisit::sequence).max().orElse(0) + 1;
        for (CoursePlanner.PlannedVisit visit : planner.plan(after, usual, zone, CoursePlanner.Cadence.MAINTENANCE)) {
            requestVisit(c, sequence++, VisitPhase.MAINTENANCE, List.of(window(visit)));
        }
    }

    static TimeWindow window(CoursePlanner.PlannedVisit visit) {
        return new TimeWindow(visit.start().toOffsetDateTime(), visit.windowEnd().toOffsetDateTime());
    }

    void cancelOpenVisits(StoredConsultation c, VisitCancelReason reason, Instant now) {
        for (StoredVisit visit : repository.visits(c.id())) {
            if (VisitStatus.of(visit.status()).cancellable()) {
                cancelVisit(visit, reason, now);
            }
        }
    }

    void cancelVisit(StoredVisit visit, VisitCancelReason reason, Instant now) {
        repository.updateVisitStatus(visit.id(), VisitStatus.CANCELLED.name());
        outbox.append(new VisitCancelled(visit.consultationId(), visit.id(), visit.sequence(), reason, now));
        record(visit.consultationId(), EventTypes.VISIT_CANCELLED, now);
    }

    /** COMPLETED once every planned visit of a CONFIRMED course has ended and no block is pending. */
    void completeIfDone(StoredConsultation c) {
        if (c.status() != ConsultationStatus.CONFIRMED || c.phq9Pending()) {
            return;
        }
        List<StoredVisit> visits = repository.visits(c.id());
        if (visits.stream().anyMatch(v -> !VisitStatus.of(v.status()).ended())) {
            return;
        }
        Instant now = Instant.now(clock);
        int completed = (int) visits.stream().filter(v -> Objects.equals(v.status(), VisitStatus.COMPLETED.name())).count();
        repository.updateStatus(c.id(), ConsultationStatus.COMPLETED);
        outbox.append(new BookingCompleted(c.id(), completed, now));
        record(c.id(), EventTypes.BOOKING_COMPLETED, now);
    }

    void record(UUID id, String type, Instant at) {
        repository.addToTimeline(id, type, at.toString());
    }
}
