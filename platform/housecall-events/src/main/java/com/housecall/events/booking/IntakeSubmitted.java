package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code intake.submitted} on the PHI topic booking.intake.v1, read by screening-service only.
 * {@code age} is whole years on the request day in the patient's zone (booking keeps the date of birth).
 */
public record IntakeSubmitted(UUID consultationId, int age, String timeZone, List<Integer> phq9, List<Integer> gad7,
                              int failedAntidepressantTrials, List<String> conditions, List<String> medications,
                              boolean alcoholUseDisorder, boolean substanceUseDisorder, boolean pregnant,
                              boolean breastfeeding, BloodPressure bloodPressure, boolean inPersonEvaluationCompleted,
                              Instant submittedAt) implements ConsultationEvent {

    public record BloodPressure(int systolic, int diastolic) {
    }
}
