package com.housecall.booking.consultation;

import com.housecall.booking.consultation.ConsultationRepository.StoredConsultation;
import com.housecall.booking.consultation.ConsultationRepository.StoredVisit;
import com.housecall.events.EventTypes;
import com.housecall.events.TimeWindow;
import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.booking.ContactUpdated;
import com.housecall.events.booking.IntakeSubmitted;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.VisitRequested;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.messaging.OutboxWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consultation's life in booking-service: every state change commits with the events it emits (outbox) and
 * its timeline entry.
 */
@Service
class ConsultationService {

    private final ConsultationRepository repository;
    private final OutboxWriter outbox;
    private final JsonMapper json;
    private final Clock clock;

    ConsultationService(ConsultationRepository repository, OutboxWriter outbox, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    UUID submit(String patientSubject, ConsultationRequest request) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        ZoneId zone = ZoneId.of(request.timeZone());
        String zipPrefix = request.address().postalCode().substring(0, 3);
        repository.insert(new StoredConsultation(id, patientSubject, "PATIENT", ConsultationStatus.REQUESTED,
                now.atOffset(ZoneOffset.UTC), request.timeZone(), request.address().state(), zipPrefix,
                json.writeValueAsString(request), null));
        record(id, EventTypes.CONSULTATION_REQUESTED, now);
        outbox.append(new ConsultationRequested(id, "PATIENT", request.address().state(), zipPrefix, request.timeZone(), now));
        outbox.append(intake(id, request, zone, now));
        outbox.append(contact(id, request));
        return id;
    }

    private static IntakeSubmitted intake(UUID id, ConsultationRequest request, ZoneId zone, Instant now) {
        ConsultationRequest.Intake intake = request.intake();
        // whole years on the request day in the patient's zone, as java.time.Period counts them
        int age = Period.between(request.patient().dateOfBirth(), LocalDate.ofInstant(now, zone)).getYears();
        IntakeSubmitted.BloodPressure bloodPressure = intake.bloodPressure() == null ? null
                : new IntakeSubmitted.BloodPressure(intake.bloodPressure().systolic(), intake.bloodPressure().diastolic());
        return new IntakeSubmitted(id, age, request.timeZone(), intake.phq9(), intake.gad7(),
                intake.failedAntidepressantTrials(), intake.conditionsOrEmpty(), intake.medicationsOrEmpty(),
                intake.alcoholUseDisorder(), intake.substanceUseDisorder(), intake.pregnant(), intake.breastfeeding(),
                bloodPressure, intake.inPersonEvaluationCompleted(), now);
    }

    private static ContactUpdated contact(UUID id, ConsultationRequest request) {
        ConsultationRequest.Patient patient = request.patient();
        return new ContactUpdated(id, patient.givenName(), patient.familyName(), patient.email(), patient.phone(),
                patient.preferredChannels().stream().map(Enum::name).toList(),
                new ContactUpdated.Consent(Boolean.TRUE.equals(request.consent().sms()),
                        Boolean.TRUE.equals(request.consent().email())),
                request.timeZone());
    }

    @Transactional
    void screeningStarted(UUID id, String eventTime) {
        repository.findForUpdate(id).ifPresent(c -> {
            repository.addToTimeline(id, EventTypes.SCREENING_STARTED, eventTime);
            if (c.status() == ConsultationStatus.REQUESTED) {
                repository.updateStatus(id, ConsultationStatus.SCREENING);
            }
        });
    }

    @Transactional
    void screeningCompleted(ScreeningCompleted result, String eventTime) {
        UUID id = result.consultationId();
        repository.findForUpdate(id).ifPresent(c -> {
            repository.addToTimeline(id, EventTypes.SCREENING_COMPLETED, eventTime);
            if (c.status().isFinal()) {
                return;
            }
            repository.updateScreening(id, json.writeValueAsString(result));
            ConsultationStatus next = ConsultationStatus.afterScreening(result.outcome());
            repository.updateStatus(id, next);
            if (next == ConsultationStatus.SCHEDULING) {
                requestFirstVisit(c);
            }
        });
    }

    /**
     * A clinician settled a case in review or on safety hold: APPROVE goes on to scheduling exactly as an ELIGIBLE
     * outcome does, DECLINE ends it. The ruleset's outcome stays; the screening block gains the decision.
     */
    @Transactional
    void screeningDecided(ScreeningDecided decided, String eventTime) {
        UUID id = decided.consultationId();
        repository.findForUpdate(id).ifPresent(c -> {
            repository.addToTimeline(id, EventTypes.SCREENING_DECIDED, eventTime);
            if (!"INTAKE".equals(decided.kind())
                    || (c.status() != ConsultationStatus.IN_REVIEW && c.status() != ConsultationStatus.SAFETY_HOLD)) {
                return;
            }
            if (c.screeningJson() != null) {
                ObjectNode screening = (ObjectNode) json.readTree(c.screeningJson());
                screening.putObject("decision").put("decision", decided.decision())
                        .put("at", decided.decidedAt().toString());
                repository.updateScreening(id, json.writeValueAsString(screening));
            }
            if ("APPROVE".equals(decided.decision())) {
                repository.updateStatus(id, ConsultationStatus.SCHEDULING);
                requestFirstVisit(c);
            } else {
                repository.updateStatus(id, ConsultationStatus.INELIGIBLE);
            }
        });
    }

    private void requestFirstVisit(StoredConsultation c) {
        ConsultationRequest request = json.readValue(c.requestJson(), ConsultationRequest.class);
        UUID visitId = UUID.randomUUID();
        Instant now = Instant.now(clock);
        repository.insertVisit(new StoredVisit(visitId, c.id(), 1, "INDUCTION", "REQUESTED", null, null, null));
        ConsultationRequest.Address address = request.address();
        outbox.append(new LocationUpdated(c.id(), address.line1(), address.city(), address.state(), address.postalCode(),
                c.timeZone()));
        outbox.append(new VisitRequested(c.id(), visitId, 1, "INDUCTION",
                request.preferredWindows().stream().map(w -> new TimeWindow(w.start(), w.end())).toList(),
                c.state(), c.zipPrefix(), c.timeZone(), now));
        record(c.id(), EventTypes.VISIT_REQUESTED, now);
    }

    @Transactional
    void visitScheduled(VisitScheduled scheduled, String eventTime) {
        UUID id = scheduled.consultationId();
        repository.findForUpdate(id).ifPresent(c -> repository.findVisit(scheduled.visitId()).ifPresent(visit -> {
            repository.addToTimeline(id, EventTypes.VISIT_SCHEDULED, eventTime);
            if (visit.status().equals("CANCELLED")) {
                return;
            }
            ZoneId zone = ZoneId.of(c.timeZone());
            OffsetDateTime start = scheduled.start().atZoneSameInstant(zone).toOffsetDateTime();
            OffsetDateTime end = scheduled.end().atZoneSameInstant(zone).toOffsetDateTime();
            repository.updateVisit(visit.id(), "SCHEDULED", start.toString(), end.toString(), scheduled.nurseDisplayName());
            if (visit.sequence() == 1 && c.status() == ConsultationStatus.SCHEDULING) {
                repository.updateStatus(id, ConsultationStatus.CONFIRMED);
                outbox.append(new BookingConfirmed(id, visit.id(), start, end, scheduled.nurseDisplayName(), c.timeZone()));
                record(id, EventTypes.BOOKING_CONFIRMED, Instant.now(clock));
            }
        }));
    }

    @Transactional
    void visitUnschedulable(VisitUnschedulable event, String eventTime) {
        UUID id = event.consultationId();
        repository.findForUpdate(id).ifPresent(c -> repository.findVisit(event.visitId()).ifPresent(visit -> {
            repository.addToTimeline(id, EventTypes.VISIT_UNSCHEDULABLE, eventTime);
            repository.updateVisit(visit.id(), "UNSCHEDULABLE", visit.startAt(), visit.endAt(), visit.nurseDisplay());
            if (visit.sequence() == 1 && c.status() == ConsultationStatus.SCHEDULING) {
                repository.updateStatus(id, ConsultationStatus.UNFULFILLED);
            }
        }));
    }

    private void record(UUID id, String type, Instant at) {
        repository.addToTimeline(id, type, at.toString());
    }
}
