package com.housecall.booking.referral;

import com.housecall.booking.consultation.ConsultationProgress.Progress;
import com.housecall.booking.consultation.ConsultationProgress.Reason;
import com.housecall.booking.consultation.ConsultationStatus;
import com.housecall.booking.referral.ReferralRepository.StoredReferral;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;

/**
 * A referral's progress as the FHIR {@code Task} of CONTRACT.md section 5: {@code focus} the referral,
 * {@code businessStatus.text} the consultation status, {@code status} mapped, {@code statusReason} why it was
 * rejected. No PHI: no patient, no answers. Plain Java.
 */
final class ReferralTasks {

    static final String SCREENING_REASON_SYSTEM = "urn:housecall:screening-reason";
    static final String REJECTION_SYSTEM = "urn:housecall:referral-rejection";

    private ReferralTasks() {
    }

    static TaskStatus status(ConsultationStatus status) {
        return switch (status) {
            case REQUESTED, SCREENING, IN_REVIEW, SAFETY_HOLD -> TaskStatus.REQUESTED;
            case SCHEDULING -> TaskStatus.ACCEPTED;
            case CONFIRMED -> TaskStatus.INPROGRESS;
            case COMPLETED -> TaskStatus.COMPLETED;
            case INELIGIBLE, UNFULFILLED -> TaskStatus.REJECTED;
            case CANCELLED -> TaskStatus.CANCELLED;
        };
    }

    static Task task(StoredReferral referral, Progress progress) {
        Task task = new Task();
        task.setId(referral.id().toString());
        task.setStatus(status(progress.status()));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setFocus(new Reference("ServiceRequest/" + referral.id()).setIdentifier(identifier(referral)));
        // the clinic's referral number, so Task?identifier= searches the Task's own element
        task.addIdentifier(identifier(referral));
        // DECISIONS 38: the clinic owns the Task; its subscriptions select Task?owner=Organization/<clinic>
        task.setOwner(new Reference("Organization/" + referral.clinic()));
        task.setBusinessStatus(new CodeableConcept().setText(progress.status().name()));
        task.setAuthoredOn(Date.from(progress.createdAt().toInstant()));
        if (task.getStatus() == TaskStatus.REJECTED) {
            task.setStatusReason(rejection(progress));
        }
        return task;
    }

    /**
     * The referral itself as {@code ServiceRequest/{id}}: its identifier and where it stands, never the patient or
     * the intake (the clinic has those; reading them back would be a PHI read for no need).
     */
    static ServiceRequest serviceRequest(StoredReferral referral, Progress progress) {
        ServiceRequest request = new ServiceRequest();
        request.setId(referral.id().toString());
        request.addIdentifier(identifier(referral));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setStatus(switch (status(progress.status())) {
            case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case REJECTED, CANCELLED -> ServiceRequest.ServiceRequestStatus.REVOKED;
            default -> ServiceRequest.ServiceRequestStatus.ACTIVE;
        });
        request.setAuthoredOn(Date.from(progress.createdAt().toInstant()));
        return request;
    }

    private static Identifier identifier(StoredReferral referral) {
        return new Identifier().setSystem(referral.identifier().system()).setValue(referral.identifier().value());
    }

    /** Why: the screening's reasons and a clinician's decline (INELIGIBLE), or no nurse for any window (UNFULFILLED). */
    private static CodeableConcept rejection(Progress progress) {
        CodeableConcept reason = new CodeableConcept();
        List<String> text = new ArrayList<>();
        if (progress.status() == ConsultationStatus.UNFULFILLED) {
            reason.addCoding().setSystem(REJECTION_SYSTEM).setCode("UNFULFILLED")
                    .setDisplay("No nurse could take any preferred window");
            text.add("No nurse could take any preferred window.");
        } else {
            if ("DECLINE".equals(progress.decision())) {
                reason.addCoding().setSystem(REJECTION_SYSTEM).setCode("CLINICIAN_DECLINED")
                        .setDisplay("Declined by a clinician");
                text.add("Declined by a clinician.");
            }
            for (Reason r : progress.reasons()) {
                reason.addCoding().setSystem(SCREENING_REASON_SYSTEM).setCode(r.code()).setDisplay(r.message());
                if (r.message() != null) {
                    text.add(r.message());
                }
            }
            if (text.isEmpty()) {
                text.add("Not eligible.");
            }
        }
        return reason.setText(String.join(" ", text));
    }
}
