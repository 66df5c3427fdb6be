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
        task.setFocus(new Reference("ServiceRequest/" + referral.id()).setIdentifier(new Identifier()
                .setSystem(referral.identifier().system()).setValue(referral.identifier().value())));
        task.setBusinessStatus(new CodeableConcept().setText(progress.status().name()));
        task.setAuthoredOn(Date.from(progress.createdAt().toInstant()));
        if (task.getStatus() == TaskStatus.REJECTED) {
            task.setStatusReason(rejection(progress));
        }
        return task;
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
