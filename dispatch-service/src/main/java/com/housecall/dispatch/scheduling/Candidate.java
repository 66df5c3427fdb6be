package com.housecall.dispatch.scheduling;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A nurse as the scheduler sees them.
 *
 * @param visits            the nurse's booked visits (start to end, without buffer)
 * @param seenPatientBefore continuity: this nurse already visited the patient
 */
public record Candidate(UUID id, ZoneId zone, Set<String> licenseStates, Set<String> skills,
                        Set<String> servicePrefixes, List<Shift> shifts, List<Interval> timeOff,
                        List<Interval> visits, boolean seenPatientBefore) {

    public Candidate {
        licenseStates = Set.copyOf(licenseStates);
        skills = Set.copyOf(skills);
        servicePrefixes = Set.copyOf(servicePrefixes);
        shifts = List.copyOf(shifts);
        timeOff = List.copyOf(timeOff);
        visits = List.copyOf(visits);
    }

    /** On shift (in the nurse's zone, one local day) and not on time off for all of {@code [start, end)}. */
    public boolean available(Instant start, Instant end) {
        LocalDateTime from = LocalDateTime.ofInstant(start, zone);
        LocalDateTime to = LocalDateTime.ofInstant(end, zone);
        boolean onShift = from.toLocalDate().equals(to.toLocalDate()) && shifts.stream().anyMatch(shift ->
                shift.day() == from.getDayOfWeek() && !from.toLocalTime().isBefore(shift.start())
                        && !to.toLocalTime().isAfter(shift.end()));
        return onShift && timeOff.stream().noneMatch(off -> off.start().isBefore(end) && start.isBefore(off.end()));
    }
}
