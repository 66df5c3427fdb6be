package com.housecall.dispatch.nurse;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A nurse as {@code /api/nurses} shows them (CONTRACT.md section 7); shifts in the nurse's own time zone;
 * {@code active} false: out of dispatch (never chosen), still on the roster.
 */
record NurseProfile(UUID id, String displayName, String username, String timeZone, List<String> licenseStates,
                    List<String> skills, String homePostalCode, List<String> serviceAreaPrefixes,
                    List<WeeklyShift> shifts, List<TimeOff> timeOff, boolean active) {

    /** Every week on {@code dayOfWeek} from {@code start} to {@code end}, local time. */
    record WeeklyShift(DayOfWeek dayOfWeek, @JsonFormat(pattern = "HH:mm") LocalTime start,
                       @JsonFormat(pattern = "HH:mm") LocalTime end) {
    }

    /** Instants, in UTC. */
    record TimeOff(Instant start, Instant end) {
    }

    /** The nurse's own view: {@code GET/PUT /api/nurse/availability}. */
    record Availability(String timeZone, List<WeeklyShift> shifts, List<TimeOff> timeOff) {
    }
}
