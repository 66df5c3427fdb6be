package com.housecall.booking.consultation;

import com.housecall.clinical.Condition;
import com.housecall.security.problem.FieldProblem;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** The rules of a consultation request that span fields, beyond what the annotations check. Plain Java. */
public final class ConsultationChecks {

    /** The longest preferred window: a longer one is no preference at all. */
    static final Duration MAX_WINDOW = Duration.ofDays(14);
    static final int MAX_YEAR = 9999;
    /** How far ahead a patient may ask: nurses' calendars and the course plan do not reach further. */
    static final Duration BOOKING_HORIZON = Duration.ofDays(90);
    /** The earliest birth date taken: older ones are typing errors (0000-01-01, 1800-01-01). */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

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
        } else if (request.timeZone() != null && !StateZones.fits(request.address().state(), request.timeZone())) {
            problems.add(new FieldProblem("timeZone", "must be a time zone in use in address.state"));
        }
        ConsultationRequest.Patient patient = request.patient();
        problems.addAll(channelProblems(patient.preferredChannels(), patient.phone(), patient.email(),
                request.consent()::allows, "patient."));
        if (patient.dateOfBirth().isBefore(EARLIEST_BIRTH)) {
            problems.add(new FieldProblem("patient.dateOfBirth", "must be on or after " + EARLIEST_BIRTH));
        }
        List<String> conditions = request.intake().conditionsOrEmpty();
        for (int i = 0; i < conditions.size(); i++) {
            if (!Condition.isKnown(conditions.get(i))) {
                problems.add(new FieldProblem("intake.conditions[" + i + "]", "is not a known condition code"));
            }
        }
        if (conditions.stream().distinct().count() < conditions.size()) {
            problems.add(new FieldProblem("intake.conditions", "must not repeat a condition"));
        }
        ConsultationRequest.BloodPressure bloodPressure = request.intake().bloodPressure();
        if (bloodPressure != null && bloodPressure.systolic() <= bloodPressure.diastolic()) {
            problems.add(new FieldProblem("intake.bloodPressure.systolic", "must be above diastolic"));
        }
        problems.addAll(windowProblems(request.preferredWindows(), clock));
        return problems;
    }

    /**
     * Each preferred channel needs its contact ({@code prefix} + phone or email) and its consent, and no channel
     * comes twice: the request's rule, and the contact change's (DECISIONS 37).
     */
    static List<FieldProblem> channelProblems(List<ConsultationRequest.Channel> channels, String phone, String email,
                                              Predicate<ConsultationRequest.Channel> consented, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConsultationRequest.Channel channel : channels) {
            String contact = channel == ConsultationRequest.Channel.SMS ? "phone" : "email";
            String value = channel == ConsultationRequest.Channel.SMS ? phone : email;
            if (value == null || value.isBlank()) {
                problems.add(new FieldProblem(prefix + contact, "is required for the preferred channel " + channel));
            }
            if (!consented.test(channel)) {
                problems.add(new FieldProblem("consent." + channel.name().toLowerCase(),
                        "must be true for the preferred channel " + channel));
            }
        }
        if (channels.stream().distinct().count() < channels.size()) {
            problems.add(new FieldProblem(prefix + "preferredChannels", "must not repeat a channel"));
        }
        return problems;
    }

    /**
     * Each window starts in the future and within {@link #BOOKING_HORIZON}, ends after its start and spans at most
     * {@link #MAX_WINDOW}; both ends are
     * RFC 3339 date-times (a 4-digit year: Java reads {@code +10000-01-01T08:00-08:00}, RFC 3339 has no such year).
     */
    static List<FieldProblem> windowProblems(List<ConsultationRequest.Window> windows, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < windows.size(); i++) {
            ConsultationRequest.Window window = windows.get(i);
            String at = "preferredWindows[" + i + "].";
            boolean rfc3339 = true;
            for (String end : new String[] {"start", "end"}) {
                int year = (end.equals("start") ? window.start() : window.end()).getYear();
                if (year < 1 || year > MAX_YEAR) {
                    problems.add(new FieldProblem(at + end, "must be an RFC 3339 date-time with an offset"));
                    rfc3339 = false;
                }
            }
            if (!rfc3339) {
                continue;
            }
            if (!window.start().isAfter(now)) {
                problems.add(new FieldProblem(at + "start", "must be in the future"));
            } else if (window.start().isAfter(now.plus(BOOKING_HORIZON))) {
                problems.add(new FieldProblem(at + "start", "must be within 90 days"));
            }
            if (!window.end().isAfter(window.start())) {
                problems.add(new FieldProblem(at + "end", "must be after start"));
            } else if (Duration.between(window.start(), window.end()).compareTo(MAX_WINDOW) > 0) {
                problems.add(new FieldProblem(at + "end", "must be at most 14 days after start"));
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
