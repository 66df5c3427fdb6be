package com.housecall.booking.consultation;

import com.housecall.events.booking.ContactUpdated;
import com.housecall.events.booking.IntakeSubmitted;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.UUID;

/** The PHI a new request sends, each to its one reader: the intake to screening, the contact to notification. */
final class RequestEvents {

    private RequestEvents() {
    }

    static IntakeSubmitted intake(UUID id, ConsultationRequest request, Instant now) {
        ConsultationRequest.Intake intake = request.intake();
        // whole years on the request day in the patient's zone, as java.time.Period counts them
        int age = Period.between(request.patient().dateOfBirth(),
                LocalDate.ofInstant(now, ZoneId.of(request.timeZone()))).getYears();
        ConsultationRequest.BloodPressure pressure = intake.bloodPressure();
        IntakeSubmitted.BloodPressure bloodPressure = pressure == null ? null
                : new IntakeSubmitted.BloodPressure(pressure.systolic(), pressure.diastolic());
        return new IntakeSubmitted(id, age, request.timeZone(), intake.phq9(), intake.gad7(),
                intake.failedAntidepressantTrials(), intake.conditionsOrEmpty(), intake.medicationsOrEmpty(),
                intake.alcoholUseDisorder(), intake.substanceUseDisorder(), intake.pregnant(), intake.breastfeeding(),
                bloodPressure, intake.inPersonEvaluationCompleted(), now);
    }

    static ContactUpdated contact(UUID id, ConsultationRequest request) {
        ConsultationRequest.Patient patient = request.patient();
        return new ContactUpdated(id, patient.givenName(), patient.familyName(), patient.email(), patient.phone(),
                patient.preferredChannels().stream().map(Enum::name).toList(),
                new ContactUpdated.Consent(Boolean.TRUE.equals(request.consent().sms()),
                        Boolean.TRUE.equals(request.consent().email())),
                request.timeZone());
    }
}
