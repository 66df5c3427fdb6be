package com.housecall.booking.consultation;

import com.housecall.clinical.Phq9;
import com.housecall.booking.consultation.ConsultationRepository.StoredConsultation;
import com.housecall.booking.consultation.ConsultationRepository.StoredVisit;
import com.housecall.events.EventTypes;
import com.housecall.events.booking.CancelledBy;
import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.booking.ContactUpdated;
import com.housecall.events.booking.HoldReason;
import com.housecall.events.booking.IntakeSubmitted;
import com.housecall.events.booking.Phq9Answers;
import com.housecall.events.booking.Phq9Submitted;
import com.housecall.events.booking.VisitCancelReason;
import com.housecall.events.screening.CaseKind;
import com.housecall.events.screening.Decision;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.messaging.OutboxWriter;
import com.housecall.security.problem.ConflictException;
import com.housecall.security.problem.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consultation's life in booking-service: every state change commits with the events it emits (outbox) and
 * its timeline entry. Moves the status machine of CONTRACT.md section 4 forbids are {@link ConflictException}s.
 */
@Service
public class ConsultationService {

    /** How many visits of a block may still be open when the patient answers the fresh PHQ-9 for the next one. */
    static final int PHQ9_OPEN_VISITS = 2;

    private final ConsultationRepository repository;
    private final OutboxWriter outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final CourseSteps steps;

    ConsultationService(ConsultationRepository repository, OutboxWriter outbox, JsonMapper json, Clock clock,
                        CourseSteps steps) {
        this.repository = repository;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.steps = steps;
    }

    /**
     * Stores a new consultation in REQUESTED and announces it: the shared event, the intake to screening, the
     * contacts to notification. The one creation path of a patient's request and a clinic's referral.
     */
    @Transactional
    public UUID create(NewConsultation consultation) {
        UUID id = consultation.id();
        ConsultationRequest request = consultation.request();
        Instant now = Instant.now(clock);
        ZoneId zone = ZoneId.of(request.timeZone());
        String zipPrefix = request.address().postalCode().substring(0, 3);
        String source = consultation.source().name();
        repository.insert(new StoredConsultation(id, consultation.patientSubject(), source, ConsultationStatus.REQUESTED,
                now.atOffset(ZoneOffset.UTC), request.timeZone(), request.address().state(), zipPrefix,
                json.writeValueAsString(request), null, consultation.referringClinic(), 0, false));
        steps.record(id, EventTypes.CONSULTATION_REQUESTED, now);
        outbox.append(new ConsultationRequested(id, source, request.address().state(), zipPrefix, request.timeZone(), now));
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

    // ---------------------------------------------------------------- actions of the API

    /**
     * Cancels a consultation in any non-final status (409 in a final one) and its visits not yet started; a visit
     * already EN_ROUTE or later goes on. {@code allowed} is the caller's ownership check (404 otherwise).
     */
    @Transactional
    public void cancel(UUID id, Predicate<StoredConsultation> allowed, Function<StoredConsultation, CancelledBy> cancelledBy) {
        StoredConsultation c = lockVisible(id, allowed);
        if (c.status().isFinal()) {
            throw new ConflictException("A consultation in status " + c.status() + " cannot be cancelled.");
        }
        Instant now = Instant.now(clock);
        repository.updateStatus(id, ConsultationStatus.CANCELLED);
        outbox.append(new ConsultationCancelled(id, c.status().name(), cancelledBy.apply(c), now));
        steps.record(id, EventTypes.CONSULTATION_CANCELLED, now);
        steps.cancelOpenVisits(c, VisitCancelReason.CONSULTATION_CANCELLED, now);
    }

    /** Cancels one visit not yet started (or one no nurse could take), while the course runs (CONFIRMED). */
    @Transactional
    public void cancelVisit(UUID id, UUID visitId, Predicate<StoredConsultation> allowed) {
        StoredConsultation c = lockVisible(id, allowed);
        StoredVisit visit = repository.findVisit(visitId).filter(v -> v.consultationId().equals(id))
                .orElseThrow(NotFoundException::new);
        if (c.status() != ConsultationStatus.CONFIRMED) {
            throw new ConflictException("Single visits can be cancelled while the course is CONFIRMED; the consultation is "
                    + c.status() + ".");
        }
        VisitStatus status = VisitStatus.of(visit.status());
        if (!status.cancellable() && status != VisitStatus.UNSCHEDULABLE) {
            throw new ConflictException("A visit in status " + visit.status() + " cannot be cancelled.");
        }
        Instant now = Instant.now(clock);
        steps.cancelVisit(visit, VisitCancelReason.PATIENT_REQUEST, now);
        steps.completeIfDone(repository.findForUpdate(id).orElseThrow());
    }

    /**
     * Replaces the preferred windows: in IN_REVIEW they wait for the clinician's approval (the status stays: moving
     * on would skip the review); in UNFULFILLED the consultation goes back to SCHEDULING and the first visit is
     * requested again in the new windows.
     */
    @Transactional
    public void replaceWindows(UUID id, List<ConsultationRequest.Window> windows, Predicate<StoredConsultation> allowed) {
        StoredConsultation c = lockVisible(id, allowed);
        if (c.status() != ConsultationStatus.IN_REVIEW && c.status() != ConsultationStatus.UNFULFILLED) {
            throw new ConflictException("Preferred windows can be changed in IN_REVIEW or UNFULFILLED, not in "
                    + c.status() + ".");
        }
        ObjectNode request = (ObjectNode) json.readTree(c.requestJson());
        request.set("preferredWindows", json.valueToTree(windows));
        String requestJson = json.writeValueAsString(request);
        repository.updateRequest(id, requestJson);
        if (c.status() == ConsultationStatus.UNFULFILLED) {
            // the unschedulable first visit gives way to a new request (dispatch knows visits by id)
            repository.visits(id).stream().filter(v -> v.sequence() == 1).forEach(v -> repository.deleteVisit(v.id()));
            repository.updateStatus(id, ConsultationStatus.SCHEDULING);
            steps.requestFirstVisit(repository.findForUpdate(id).orElseThrow());
        }
    }

    /** What a fresh PHQ-9 led to, for the answer. */
    public record Phq9Result(boolean crisis) {
    }

    /**
     * A fresh PHQ-9 before the next maintenance block. Accepted on a CONFIRMED course in the last
     * {@value #PHQ9_OPEN_VISITS} open visits of the current block (for the induction: once 4 of the 6 visits ended)
     * and not while one awaits review; an answer of item 9 of 1 or more is always accepted, moves the consultation to
     * SAFETY_HOLD and cancels the visits not yet started.
     */
    @Transactional
    public Phq9Result submitPhq9(UUID id, List<Integer> phq9, Predicate<StoredConsultation> allowed) {
        StoredConsultation c = lockVisible(id, allowed);
        boolean crisis = Phq9.selfHarmReported(phq9);
        if (c.status() != ConsultationStatus.CONFIRMED) {
            throw new ConflictException("A fresh PHQ-9 is taken during a CONFIRMED course, not in " + c.status() + ".");
        }
        if (c.phq9Pending()) {
            throw new ConflictException("A fresh PHQ-9 already awaits a clinician's review.");
        }
        long open = repository.visits(id).stream().filter(v -> !VisitStatus.of(v.status()).ended()).count();
        if (!crisis && open > PHQ9_OPEN_VISITS) {
            throw new ConflictException("The fresh PHQ-9 is taken in the last week of a block.");
        }
        Instant now = Instant.now(clock);
        UUID submission = UUID.randomUUID();
        int block = c.courseBlock() + 1;
        repository.insertPhq9(submission, id, block, phq9.stream().map(String::valueOf).collect(Collectors.joining(",")),
                now.atOffset(ZoneOffset.UTC));
        repository.updateCourse(id, c.courseBlock(), true);
        outbox.append(new Phq9Submitted(id, submission, block, now));
        outbox.append(new Phq9Answers(id, submission, block, c.timeZone(), List.copyOf(phq9), now));
        steps.record(id, EventTypes.PHQ9_SUBMITTED, now);
        if (crisis) {
            steps.hold(c, HoldReason.CRISIS_PHQ9, now);
        }
        return new Phq9Result(crisis);
    }

    private StoredConsultation lockVisible(UUID id, Predicate<StoredConsultation> allowed) {
        return repository.findForUpdate(id).filter(allowed).orElseThrow(NotFoundException::new);
    }

    // ---------------------------------------------------------------- screening

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
            if (c.status() != ConsultationStatus.REQUESTED && c.status() != ConsultationStatus.SCREENING) {
                return;
            }
            repository.updateScreening(id, json.writeValueAsString(result));
            ConsultationStatus next = ConsultationStatus.afterScreening(result.outcome());
            if (next == ConsultationStatus.SAFETY_HOLD) {
                steps.hold(c, HoldReason.CRISIS_INTAKE, Instant.now(clock));
                return;
            }
            repository.updateStatus(id, next);
            if (next == ConsultationStatus.SCHEDULING) {
                steps.requestFirstVisit(c);
            }
        });
    }

    /**
     * A clinician settled a case. INTAKE: APPROVE goes on to scheduling exactly as an ELIGIBLE outcome does, DECLINE
     * ends it (INELIGIBLE); the ruleset's outcome stays and the screening block gains the decision. MAINTENANCE
     * (a fresh PHQ-9): APPROVE requests the next block, DECLINE ends the course once its visits have ended.
     */
    @Transactional
    void screeningDecided(ScreeningDecided decided, String eventTime) {
        UUID id = decided.consultationId();
        repository.findForUpdate(id).ifPresent(c -> {
            repository.addToTimeline(id, EventTypes.SCREENING_DECIDED, eventTime);
            if (decided.kind() == CaseKind.MAINTENANCE) {
                maintenanceDecided(c, decided.decision() == Decision.APPROVE);
                return;
            }
            if (c.status() != ConsultationStatus.IN_REVIEW && c.status() != ConsultationStatus.SAFETY_HOLD) {
                return;
            }
            if (c.screeningJson() != null) {
                ObjectNode screening = (ObjectNode) json.readTree(c.screeningJson());
                screening.putObject("decision").put("decision", decided.decision().name())
                        .put("at", decided.decidedAt().toString());
                repository.updateScreening(id, json.writeValueAsString(screening));
            }
            if (decided.decision() == Decision.APPROVE) {
                repository.updateStatus(id, ConsultationStatus.SCHEDULING);
                steps.requestFirstVisit(c);
            } else {
                repository.updateStatus(id, ConsultationStatus.INELIGIBLE);
            }
        });
    }

    private void maintenanceDecided(StoredConsultation c, boolean approve) {
        boolean heldForSafety = c.status() == ConsultationStatus.SAFETY_HOLD;
        if (!c.phq9Pending() || (c.status() != ConsultationStatus.CONFIRMED && !heldForSafety)) {
            return;
        }
        if (approve) {
            repository.updateCourse(c.id(), c.courseBlock() + 1, false);
            repository.updateStatus(c.id(), ConsultationStatus.CONFIRMED);
            steps.requestMaintenanceBlock(c);
        } else {
            repository.updateCourse(c.id(), c.courseBlock(), false);
            if (heldForSafety) {
                repository.updateStatus(c.id(), ConsultationStatus.CONFIRMED);
            }
            steps.completeIfDone(repository.findForUpdate(c.id()).orElseThrow());
        }
    }
}
