package com.housecall.benchmarks;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * DECISIONS 24's {@code --roster N}: N extra demo nurses in every state of the demo roster, each able to take any of
 * the bench's visits there, as the {@code POST /api/nurses} bodies of dispatch-service (CONTRACT.md section 7). Their
 * usernames are fixed ({@code bench-nurse-tx-1}, ...), so a second run finds them; no realm user has them (nobody
 * signs in as one).
 */
final class RosterNurses {

    /** What dispatch asks of every nurse of a visit (its SchedulingPolicy.REQUIRED_SKILLS). */
    static final List<String> SKILLS = List.of("IV_THERAPY", "ACLS");
    /** The demo roster's hours: every start dispatch allows (08:00-17:00) and the visit after it, so every window. */
    static final LocalTime SHIFT_START = LocalTime.of(7, 0);
    static final LocalTime SHIFT_END = LocalTime.of(19, 0);
    /** The bench's windows fall on weekdays only (LoadShape). */
    static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

    /** One nurse to make sure of: her username and the body that adds her. */
    record Nurse(String username, String body) {
    }

    private RosterNurses() {
    }

    /** {@code perState} nurses in each area, the area's first nurses first. */
    static List<Nurse> of(List<LoadShape.Area> areas, int perState) {
        List<Nurse> nurses = new ArrayList<>();
        for (LoadShape.Area area : areas) {
            for (int i = 1; i <= perState; i++) {
                nurses.add(nurse(area, i));
            }
        }
        return nurses;
    }

    static Nurse nurse(LoadShape.Area area, int i) {
        String username = "bench-nurse-" + area.state().toLowerCase(Locale.ROOT) + "-" + i;
        String shifts = WEEKDAYS.stream()
                .map(day -> "{\"dayOfWeek\": \"%s\", \"start\": \"%s\", \"end\": \"%s\"}"
                        .formatted(day, SHIFT_START, SHIFT_END))
                .collect(Collectors.joining(", "));
        return new Nurse(username, """
                {"displayName": "Bench Nurse %s %d", "username": "%s", "timeZone": "%s",
                 "licenseStates": ["%s"], "skills": [%s],
                 "homePostalCode": "%s01", "serviceAreaPrefixes": [%s],
                 "shifts": [%s], "timeOff": [], "active": true}"""
                .formatted(area.state(), i, username, area.zone().getId(), area.state(), quoted(SKILLS),
                        area.zipPrefix(), quoted(area.zipPrefixes()), shifts));
    }

    private static String quoted(List<String> values) {
        return values.stream().map(Json::string).collect(Collectors.joining(", "));
    }
}
