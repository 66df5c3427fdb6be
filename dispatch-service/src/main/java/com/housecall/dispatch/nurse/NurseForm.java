package com.housecall.dispatch.nurse;

import com.housecall.security.problem.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an operator sends to add or replace a nurse (POST, PUT {@code /api/nurses}). {@code active} absent: true on
 * POST, unchanged on PUT.
 */
record NurseForm(
        @NotBlank @Size(max = 100) @Nullable String displayName,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._@-]{0,99}", message = "must be a lower-case login name")
        @Nullable String username,
        @NotBlank @Size(max = 64) @Nullable String timeZone,
        @NotNull @Size(min = 1, max = 60) @Nullable
        List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be a 2-letter state code") String> licenseStates,
        @NotNull @Size(max = 20) @Nullable
        List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}", message = "must be an upper-case skill code") String> skills,
        @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be a 5-digit ZIP code") @Nullable String homePostalCode,
        @NotNull @Size(max = 1000) @Nullable
        List<@NotNull @Pattern(regexp = "[0-9]{3}", message = "must be a 3-digit ZIP prefix") String> serviceAreaPrefixes,
        @NotNull @Size(max = 50) @Valid @Nullable List<@NotNull ShiftForm> shifts,
        @NotNull @Size(max = 500) @Valid @Nullable List<@NotNull TimeOffForm> timeOff,
        @Nullable Boolean active) {

    record ShiftForm(@NotNull @Nullable DayOfWeek dayOfWeek, @NotNull @Nullable LocalTime start,
                     @NotNull @Nullable LocalTime end) {
    }

    record TimeOffForm(@NotNull @Nullable Instant start, @NotNull @Nullable Instant end) {
    }

    /** {@code PUT /api/nurse/availability}: the nurse's own shifts and time off. */
    record AvailabilityForm(@NotNull @Size(max = 50) @Valid @Nullable List<@NotNull ShiftForm> shifts,
                            @NotNull @Size(max = 500) @Valid @Nullable List<@NotNull TimeOffForm> timeOff) {

        List<FieldProblem> problems() {
            List<FieldProblem> problems = new ArrayList<>();
            checkShifts(shifts, problems);
            checkTimeOff(timeOff, problems);
            return problems;
        }
    }

    /**
     * The rules bean validation cannot say: a known zone, licences and skills from the known codes (DECISIONS 14),
     * shifts and time off that end after they start.
     */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            problems.add(new FieldProblem("timeZone", "must be an IANA time zone such as America/Los_Angeles"));
        }
        checkCodes("licenseStates", licenseStates, RosterCodes.LICENSE_STATES,
                "must be one of the 50 states or DC, as its 2-letter code", problems);
        checkCodes("skills", skills, RosterCodes.SKILLS, "must be one of " + String.join(", ",
                RosterCodes.SKILLS.stream().sorted().toList()), problems);
        checkShifts(shifts, problems);
        checkTimeOff(timeOff, problems);
        return problems;
    }

    private static void checkCodes(String field, @Nullable List<String> values, Set<String> known,
                                   String message, List<FieldProblem> problems) {
        for (int i = 0; values != null && i < values.size(); i++) {
            if (values.get(i) != null && !known.contains(values.get(i))) {
                problems.add(new FieldProblem(field + "[" + i + "]", message));
            }
        }
    }

    static void checkShifts(@Nullable List<ShiftForm> shifts, List<FieldProblem> problems) {
        for (int i = 0; shifts != null && i < shifts.size(); i++) {
            ShiftForm shift = shifts.get(i);
            if (shift.start() != null && shift.end() != null && !shift.end().isAfter(shift.start())) {
                problems.add(new FieldProblem("shifts[" + i + "].end", "must be after start, on the same day"));
            }
        }
    }

    static void checkTimeOff(@Nullable List<TimeOffForm> timeOff, List<FieldProblem> problems) {
        for (int i = 0; timeOff != null && i < timeOff.size(); i++) {
            TimeOffForm off = timeOff.get(i);
            if (off.start() != null && off.end() != null && !off.end().isAfter(off.start())) {
                problems.add(new FieldProblem("timeOff[" + i + "].end", "must be after start"));
            }
        }
    }
}
