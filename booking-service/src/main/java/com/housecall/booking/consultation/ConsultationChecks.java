package com.housecall.booking.consultation;

import com.housecall.security.problem.FieldProblem;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The rules of a consultation request that span fields, beyond what the annotations check. Plain Java. */
public final class ConsultationChecks {

    static final Set<String> CONDITION_CODES = Set.of("PSYCHOSIS_HISTORY", "SCHIZOPHRENIA", "CURRENT_MANIA",
            "KETAMINE_MISUSE_HISTORY", "UNCONTROLLED_HYPERTENSION", "INTRACRANIAL_PRESSURE", "ANEURYSM_OR_AVM",
            "INTRACEREBRAL_HEMORRHAGE", "KETAMINE_ALLERGY", "CARDIOVASCULAR_DISEASE", "ARRHYTHMIA", "HYPERTHYROIDISM",
            "GLAUCOMA", "LIVER_DISEASE", "BLADDER_DISEASE");

    private ConsultationChecks() {
    }

    /**
     * Every problem of a request built from another shape (a partner's FHIR referral), checked exactly as
     * {@code POST /api/consultations} checks its body: bean validation, then, on a request that passes it, the rules
     * that span fields. Paths as in CONTRACT.md section 3 ({@code intake.phq9[8]}); no value is quoted.
     */
    public static List<FieldProblem> allProblems(ConsultationRequest request, Validator validator, Clock clock) {
        List<FieldProblem> problems = validator.validate(request).stream()
                .map(v -> new FieldProblem(RequestReader.path(v.getPropertyPath()),
                        v.getMessage() == null ? "is invalid" : v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return problems.isEmpty() ? problems(request, clock) : problems;
    }

    static List<FieldProblem> problems(ConsultationRequest request, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.timeZone() != null && !isIanaZone(request.timeZone())) {
            problems.add(new FieldProblem("timeZone", "must be a valid IANA time zone id"));
        }
        ConsultationRequest.Patient patient = request.patient();
        for (ConsultationRequest.Channel channel : patient.preferredChannels()) {
            String contact = channel == ConsultationRequest.Channel.SMS ? "phone" : "email";
            String value = channel == ConsultationRequest.Channel.SMS ? patient.phone() : patient.email();
            if (value == null || value.isBlank()) {
                problems.add(new FieldProblem("patient." + contact, "is required for the preferred channel " + channel));
            }
            if (!request.consent().allows(channel)) {
                problems.add(new FieldProblem("consent." + channel.name().toLowerCase(),
                        "must be true for the preferred channel " + channel));
            }
        }
        if (patient.preferredChannels().stream().distinct().count() < patient.preferredChannels().size()) {
            problems.add(new FieldProblem("patient.preferredChannels", "must not repeat a channel"));
        }
        List<String> conditions = request.intake().conditionsOrEmpty();
        for (int i = 0; i < conditions.size(); i++) {
            if (!CONDITION_CODES.contains(conditions.get(i))) {
                problems.add(new FieldProblem("intake.conditions[" + i + "]", "is not a known condition code"));
            }
        }
        ConsultationRequest.BloodPressure bloodPressure = request.intake().bloodPressure();
        if (bloodPressure != null && bloodPressure.systolic() <= bloodPressure.diastolic()) {
            problems.add(new FieldProblem("intake.bloodPressure.systolic", "must be above diastolic"));
        }
        problems.addAll(windowProblems(request.preferredWindows(), clock));
        return problems;
    }

    /** Each window starts in the future and ends after its start. */
    static List<FieldProblem> windowProblems(List<ConsultationRequest.Window> windows, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < windows.size(); i++) {
            if (!windows.get(i).start().isAfter(now)) {
                problems.add(new FieldProblem("preferredWindows[" + i + "].start", "must be in the future"));
            }
            if (!windows.get(i).end().isAfter(windows.get(i).start())) {
                problems.add(new FieldProblem("preferredWindows[" + i + "].end", "must be after start"));
            }
        }
        return problems;
    }

    /** A region id of the IANA database ({@code America/Los_Angeles}, {@code UTC}); offsets like {@code +02:00} are not. */
    static boolean isIanaZone(String zone) {
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
