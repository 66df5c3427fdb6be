package com.housecall.booking.consultation;

import com.housecall.events.booking.CancelledBy;
import com.housecall.events.screening.CaseKind;
import com.housecall.events.screening.Decision;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.security.problem.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The consultation's use cases: each loads and locks the {@link Consultation}, asks it for the transition and saves
 * it with the events it emitted, in one transaction. The rules live in the aggregate. {@code allowed} is the
 * caller's ownership check: another caller's consultation is as absent as a missing one (404).
 */
@Service
public class ConsultationService {

    private final Consultations consultations;
    private final JsonMapper json;
    private final Clock clock;
    private final ConsultationMetrics metrics;
    private final ActiveCourseLimit activeCourses;
    private final CourseRequests plans = new CourseRequests();

    ConsultationService(Consultations consultations, JsonMapper json, Clock clock, ConsultationMetrics metrics,
                        ActiveCourseLimit activeCourses) {
        this.consultations = consultations;
        this.activeCourses = activeCourses;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The one creation path of a patient's request and a clinic's referral. */
    @Transactional
    public UUID create(NewConsultation consultation) {
        activeCourses.check(consultation);
        Consultation c = Consultation.request(consultation, Instant.now(clock));
        consultations.add(c);
        return c.id();
    }

    @Transactional
    public void cancel(UUID id, Predicate<Parties> allowed, Function<Parties, CancelledBy> cancelledBy) {
        Consultation c = lockVisible(id, allowed);
        c.cancel(cancelledBy.apply(c), Instant.now(clock));
        consultations.save(c);
    }

    /** A partner clinic cancels its own referral (the FHIR Task's $cancel): as the clinic, nobody else's. */
    @Transactional
    public void cancelReferral(UUID id, String clinic) {
        cancel(id, parties -> parties.referredBy(clinic), parties -> CancelledBy.CLINIC);
    }

    @Transactional
    public void cancelVisit(UUID id, UUID visitId, Predicate<Parties> allowed) {
        Consultation c = lockVisible(id, allowed);
        c.course().cancelOne(visit(c, visitId), Instant.now(clock));
        consultations.save(c);
    }

    @Transactional
    public void replaceWindows(UUID id, List<ConsultationRequest.Window> windows, Predicate<Parties> allowed) {
        Consultation c = lockVisible(id, allowed);
        c.replaceWindows(windows, Instant.now(clock));
        consultations.save(c);
    }

    @Transactional
    public void changeContact(UUID id, ActionRequests.ContactChoices choices, Predicate<Parties> allowed) {
        Consultation c = lockVisible(id, allowed);
        c.changeContact(c.request().withContact(choices), Instant.now(clock));
        consultations.save(c);
    }

    /** Moves one visit (CONTRACT.md section 11); windows the course rules cannot hold are 400 and change nothing. */
    @Transactional
    public void reschedule(UUID id, UUID visitId, List<ConsultationRequest.Window> windows,
                           Predicate<Parties> allowed) {
        Consultation c = lockVisible(id, allowed);
        c.course().reschedule(visit(c, visitId), windows, plans, Instant.now(clock));
        consultations.save(c);
    }

    /** What a fresh PHQ-9 led to, for the answer. */
    public record Phq9Result(boolean crisis) {
    }

    @Transactional
    public Phq9Result submitPhq9(UUID id, List<Integer> phq9, Predicate<Parties> allowed) {
        Consultation c = lockVisible(id, allowed);
        boolean crisis = c.submitPhq9(phq9, Instant.now(clock));
        consultations.save(c);
        return new Phq9Result(crisis);
    }

    // ---------------------------------------------------------------- what screening answers

    @Transactional
    void screeningStarted(UUID id, Heard heard) {
        consultations.lock(id).ifPresent(c -> {
            c.heard(heard);
            c.screeningStarted();
            consultations.save(c);
        });
    }

    @Transactional
    void screeningCompleted(ScreeningCompleted result, Heard heard) {
        consultations.lock(result.consultationId()).ifPresent(c -> {
            c.heard(heard);
            ConsultationStatus before = c.status();
            c.screened(result.outcome(), json.writeValueAsString(result), Instant.now(clock));
            consultations.save(c);
            metrics.screened(before, c.status());
        });
    }

    /** A clinician settled a case: the intake (the screening block gains the decision) or a fresh PHQ-9. */
    @Transactional
    void screeningDecided(ScreeningDecided decided, Heard heard) {
        consultations.lock(decided.consultationId()).ifPresent(c -> {
            c.heard(heard);
            boolean approve = decided.decision() == Decision.APPROVE;
            if (decided.kind() == CaseKind.MAINTENANCE) {
                c.maintenanceDecided(approve, plans, Instant.now(clock));
            } else {
                ConsultationStatus before = c.status();
                c.intakeDecided(approve, withDecision(c.screeningJson(), decided), Instant.now(clock));
                metrics.screened(before, c.status());
            }
            consultations.save(c);
        });
    }

    private String withDecision(String screeningJson, ScreeningDecided decided) {
        if (screeningJson == null) {
            return null;
        }
        ObjectNode screening = (ObjectNode) json.readTree(screeningJson);
        screening.putObject("decision").put("decision", decided.decision().name())
                .put("at", decided.decidedAt().toString());
        return json.writeValueAsString(screening);
    }

    private Consultation lockVisible(UUID id, Predicate<Parties> allowed) {
        return consultations.lock(id).filter(allowed).orElseThrow(NotFoundException::new);
    }

    private static Visit visit(Consultation c, UUID visitId) {
        return c.course().visit(visitId).orElseThrow(NotFoundException::new);
    }
}
