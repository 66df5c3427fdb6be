package com.housecall.booking.consultation;

import com.housecall.booking.consultation.ConsultationRequest.Window;
import com.housecall.clinical.Phq9;
import com.housecall.events.ConsultationEvent;
import com.housecall.events.booking.CancelledBy;
import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.booking.HoldReason;
import com.housecall.events.booking.Phq9Answers;
import com.housecall.events.booking.Phq9Submitted;
import com.housecall.events.booking.VisitCancelReason;
import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.security.problem.ConflictException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A consultation and its course: the one owner of its status (CONTRACT.md section 4). Each transition checks the
 * status machine (a forbidden move is a {@link ConflictException} and changes nothing), changes the state and
 * registers the events it emits ({@link Emissions}); {@link Consultations#save} writes state and events in one
 * transaction, the timeline derived from them. Plain Java. Visits and dispatch's answers are {@link Course}'s part.
 */
final class Consultation implements Parties {

    /** How many visits of a block may still be open when the patient answers the fresh PHQ-9 for the next one. */
    static final int PHQ9_OPEN_VISITS = 2;

    private final Origin origin;
    private ConsultationStatus status;
    private ConsultationRequest request;
    private boolean requestChanged;
    private String screeningJson;
    private int courseBlock;
    private boolean phq9Pending;
    private final Course course;
    private final Emissions emitted = new Emissions();

    Consultation(Origin origin, ConsultationStatus status, ConsultationRequest request, String screeningJson,
                 int courseBlock, boolean phq9Pending, List<Visit> visits) {
        this.origin = origin;
        this.status = status;
        this.request = request;
        this.screeningJson = screeningJson;
        this.courseBlock = courseBlock;
        this.phq9Pending = phq9Pending;
        this.course = new Course(this, visits);
    }

    /**
     * A new request in REQUESTED, announced: the shared event, the intake to screening, the contacts to
     * notification. The one creation path of a patient's request and a clinic's referral.
     */
    static Consultation request(NewConsultation asked, Instant now) {
        ConsultationRequest request = asked.request();
        String zipPrefix = request.address().postalCode().substring(0, 3);
        Consultation c = new Consultation(new Origin(asked.id(), asked.patientSubject(), asked.source().name(), now,
                request.timeZone(), request.address().state(), zipPrefix, asked.referringClinic()),
                ConsultationStatus.REQUESTED, request, null, 0, false, List.of());
        c.register(new ConsultationRequested(c.id(), c.origin.source(), c.origin.state(), zipPrefix,
                request.timeZone(), now, asked.referringClinic()), now);
        c.register(RequestEvents.intake(c.id(), request, now), now);
        c.register(RequestEvents.contact(c.id(), request), now);
        return c;
    }

    UUID id() {
        return origin.id();
    }

    Origin origin() {
        return origin;
    }

    @Override
    public String patientSubject() {
        return origin.patientSubject();
    }

    @Override
    public String referringClinic() {
        return origin.referringClinic();
    }

    ConsultationStatus status() {
        return status;
    }

    ConsultationRequest request() {
        return request;
    }

    /** The request is written once, and again only when the patient changed it (a read-back is not rewritten). */
    boolean requestChanged() {
        return requestChanged;
    }

    String screeningJson() {
        return screeningJson;
    }

    int courseBlock() {
        return courseBlock;
    }

    boolean phq9Pending() {
        return phq9Pending;
    }

    ZoneId zone() {
        return ZoneId.of(origin.timeZone());
    }

    Course course() {
        return course;
    }

    /** What it emitted since it was loaded, for {@link Consultations#save}. */
    Emissions emitted() {
        return emitted;
    }

    /** Written by the repository: what was registered is out. */
    void saved() {
        emitted.clear();
        requestChanged = false;
        course.saved();
    }

    /** An event of another service about this consultation, in its timeline at the time it carries. */
    void heard(Heard heard) {
        emitted.heard(heard.type(), heard.at());
    }

    void screeningStarted() {
        if (status == ConsultationStatus.REQUESTED) {
            status = ConsultationStatus.SCREENING;
        }
    }

    /** The ruleset's outcome, once, while screening: on to review, scheduling, ineligible, or the safety hold. */
    void screened(ScreeningOutcome outcome, String resultJson, Instant now) {
        if (status != ConsultationStatus.REQUESTED && status != ConsultationStatus.SCREENING) {
            return;
        }
        screeningJson = resultJson;
        ConsultationStatus next = ConsultationStatus.afterScreening(outcome);
        if (next == ConsultationStatus.SAFETY_HOLD) {
            hold(HoldReason.CRISIS_INTAKE, now);
            return;
        }
        status = next;
        if (next == ConsultationStatus.SCHEDULING) {
            course.requestFirstVisit(now);
        }
    }

    /** A clinician's decision on the intake: APPROVE schedules as ELIGIBLE would, DECLINE ends it (INELIGIBLE). */
    void intakeDecided(boolean approve, String screeningWithDecision, Instant now) {
        if (status != ConsultationStatus.IN_REVIEW && status != ConsultationStatus.SAFETY_HOLD) {
            return;
        }
        if (screeningWithDecision != null) {
            screeningJson = screeningWithDecision;
        }
        if (approve) {
            status = ConsultationStatus.SCHEDULING;
            course.requestFirstVisit(now);
        } else {
            status = ConsultationStatus.INELIGIBLE;
        }
    }

    /** A clinician's decision on a fresh PHQ-9: APPROVE requests the next block, DECLINE ends the course. */
    void maintenanceDecided(boolean approve, CourseRequests plans, Instant now) {
        boolean heldForSafety = status == ConsultationStatus.SAFETY_HOLD;
        if (!phq9Pending || (status != ConsultationStatus.CONFIRMED && !heldForSafety)) {
            return;
        }
        phq9Pending = false;
        if (approve) {
            courseBlock++;
            status = ConsultationStatus.CONFIRMED;
            course.requestMaintenanceBlock(plans, now);
            return;
        }
        if (heldForSafety) {
            status = ConsultationStatus.CONFIRMED;
        }
        completeIfDone(now);
    }

    /** Cancels in any status but a final one, with the visits not yet started (never one under way). */
    void cancel(CancelledBy by, Instant now) {
        if (status.isFinal()) {
            throw new ConflictException("A consultation in status " + status + " cannot be cancelled.");
        }
        ConsultationStatus previous = status;
        status = ConsultationStatus.CANCELLED;
        register(new ConsultationCancelled(id(), previous.name(), by, now), now);
        course.cancelOpenVisits(VisitCancelReason.CONSULTATION_CANCELLED, now);
    }

    /**
     * New preferred windows: in IN_REVIEW they wait for the clinician (the status stays); in UNFULFILLED the
     * consultation goes back to SCHEDULING and the first visit is requested again in them.
     */
    void replaceWindows(List<Window> windows, Instant now) {
        if (status != ConsultationStatus.IN_REVIEW && status != ConsultationStatus.UNFULFILLED) {
            throw new ConflictException("Preferred windows can be changed in IN_REVIEW or UNFULFILLED, not " + status);
        }
        request = request.withPreferredWindows(windows);
        requestChanged = true;
        if (status == ConsultationStatus.UNFULFILLED) {
            course.forgetFirstVisit();
            status = ConsultationStatus.SCHEDULING;
            course.requestFirstVisit(now);
        }
    }

    /** New contacts, channels and consents (DECISIONS 37) in any status, told to notification at once. */
    void changeContact(ConsultationRequest changed, Instant now) {
        request = changed;
        requestChanged = true;
        register(RequestEvents.contact(id(), request), now);
    }

    /**
     * A fresh PHQ-9 before the next maintenance block, on a CONFIRMED course in the last {@value #PHQ9_OPEN_VISITS}
     * open visits of its block and not while one awaits review; item 9 at 1 or more is always taken and holds the
     * course. Answers whether it was a crisis.
     */
    boolean submitPhq9(List<Integer> answers, Instant now) {
        boolean crisis = Phq9.selfHarmReported(answers);
        if (status != ConsultationStatus.CONFIRMED) {
            throw new ConflictException("A fresh PHQ-9 is taken during a CONFIRMED course, not in " + status + ".");
        }
        if (phq9Pending) {
            throw new ConflictException("A fresh PHQ-9 already awaits a clinician's review.");
        }
        if (!crisis && course.openVisits() > PHQ9_OPEN_VISITS) {
            throw new ConflictException("The fresh PHQ-9 is taken in the last week of a block.");
        }
        Phq9Submission submission = new Phq9Submission(UUID.randomUUID(), courseBlock + 1, List.copyOf(answers), now);
        emitted.submitted(submission);
        phq9Pending = true;
        register(new Phq9Submitted(id(), submission.id(), submission.block(), now), now);
        register(new Phq9Answers(id(), submission.id(), submission.block(), origin.timeZone(), submission.answers(),
                now), now);
        if (crisis) {
            hold(HoldReason.CRISIS_PHQ9, now);
        }
        return crisis;
    }

    /**
     * Enters SAFETY_HOLD: one {@code consultation.held} (the crisis message goes out on it), then the visits not yet
     * started are cancelled with reason SAFETY_HOLD (no cancellation text of their own).
     */
    private void hold(HoldReason reason, Instant now) {
        ConsultationStatus previous = status;
        status = ConsultationStatus.SAFETY_HOLD;
        register(new ConsultationHeld(id(), reason, previous.name(), now), now);
        course.cancelOpenVisits(VisitCancelReason.SAFETY_HOLD, now);
    }

    /** Visit 1 has a nurse. */
    void confirm() {
        status = ConsultationStatus.CONFIRMED;
    }

    /** No nurse can take visit 1. */
    void unfulfilled() {
        status = ConsultationStatus.UNFULFILLED;
    }

    /** A reschedule of an UNFULFILLED consultation's first visit: back to SCHEDULING while dispatch looks. */
    void schedulingAgain() {
        if (status == ConsultationStatus.UNFULFILLED) {
            status = ConsultationStatus.SCHEDULING;
        }
    }

    /** COMPLETED once every planned visit of a CONFIRMED course has ended and no block is pending. */
    void completeIfDone(Instant now) {
        if (status != ConsultationStatus.CONFIRMED || phq9Pending || !course.allEnded()) {
            return;
        }
        status = ConsultationStatus.COMPLETED;
        register(course.completed(now), now);
    }

    void register(ConsultationEvent event, Instant at) {
        emitted.register(event, at);
    }
}
