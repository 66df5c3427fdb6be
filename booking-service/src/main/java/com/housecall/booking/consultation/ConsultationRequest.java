package com.housecall.booking.consultation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The body of {@code POST /api/consultations} (CONTRACT.md section 4), checked field by field. */
public record ConsultationRequest(
        @NotNull @Valid Patient patient,
        @NotNull @Valid Address address,
        @NotBlank String timeZone,
        @NotNull @Valid Intake intake,
        @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid Window> preferredWindows,
        @NotNull @Valid Consent consent) {

    public enum Channel { SMS, EMAIL }

    /** The same request with new preferred windows. */
    ConsultationRequest withPreferredWindows(List<Window> windows) {
        return new ConsultationRequest(patient, address, timeZone, intake, List.copyOf(windows), consent);
    }

    /** The same request with the patient's new contacts, channels and consents (the treatment consent stays). */
    ConsultationRequest withContact(ActionRequests.ContactChoices choices) {
        Patient contact = new Patient(patient.givenName(), patient.familyName(), patient.dateOfBirth(), choices.email(),
                choices.phone(), List.copyOf(choices.preferredChannels()));
        return new ConsultationRequest(contact, address, timeZone, intake, preferredWindows,
                new Consent(consent.treatment(), choices.consent().sms(), choices.consent().email()));
    }

    public record Patient(
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotNull @Past LocalDate dateOfBirth,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be a phone number in E.164 form") String phone,
            @NotNull @Size(min = 1, max = 2) List<@NotNull Channel> preferredChannels) {
    }

    public record Address(
            @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 100) String city,
            @NotNull @Pattern(regexp = "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY",
                    message = "must be one of the 50 states or DC") String state,
            @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be 5 digits") String postalCode) {
    }

    public record Intake(
            @NotNull @Size(min = 9, max = 9) List<@NotNull @Min(0) @Max(3) Integer> phq9,
            @Size(min = 7, max = 7) List<@NotNull @Min(0) @Max(3) Integer> gad7,
            @NotNull @Min(0) @Max(20) Integer failedAntidepressantTrials,
            @Size(max = 30) List<@NotNull String> conditions,
            @Size(max = 30) List<@NotNull @Size(max = 100) String> medications,
            @NotNull Boolean alcoholUseDisorder,
            @NotNull Boolean substanceUseDisorder,
            @NotNull Boolean pregnant,
            @NotNull Boolean breastfeeding,
            @Valid BloodPressure bloodPressure,
            @NotNull Boolean inPersonEvaluationCompleted) {

        public List<String> conditionsOrEmpty() {
            return conditions == null ? List.of() : conditions;
        }

        public List<String> medicationsOrEmpty() {
            return medications == null ? List.of() : medications;
        }
    }

    public record BloodPressure(@NotNull @Min(60) @Max(260) Integer systolic, @NotNull @Min(30) @Max(160) Integer diastolic) {
    }

    public record Window(@NotNull OffsetDateTime start, @NotNull OffsetDateTime end) {
    }

    public record Consent(@NotNull @AssertTrue(message = "must be true") Boolean treatment, Boolean sms, Boolean email) {

        boolean allows(Channel channel) {
            return Boolean.TRUE.equals(channel == Channel.SMS ? sms : email);
        }
    }
}
