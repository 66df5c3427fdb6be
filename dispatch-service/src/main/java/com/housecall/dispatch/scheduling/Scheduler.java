package com.housecall.dispatch.scheduling;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the earliest feasible start in the patient's windows and the nurse to send (CLINICAL-RULES.md section 3).
 * Among nurses free at that start: the one who saw the patient before, then the one with the fewest visits that
 * day, then the lowest id so the choice is repeatable.
 */
public final class Scheduler {

    /** Keeps a pathological window (months long) from running forever: 60 days of quarter hours. */
    private static final int MAX_STARTS = 60 * 24 * 4;

    private final SchedulingPolicy policy;

    public Scheduler(SchedulingPolicy policy) {
        this.policy = policy;
    }

    public Optional<Assignment> earliest(VisitRequest request, List<Candidate> nurses) {
        List<Candidate> qualified = nurses.stream().filter(nurse -> qualifies(request, nurse)).toList();
        if (qualified.isEmpty()) {
            return Optional.empty();
        }
        for (Instant start : starts(request)) {
            Instant end = start.plus(SchedulingPolicy.VISIT_LENGTH);
            Optional<Candidate> best = qualified.stream()
                    .filter(nurse -> isFree(nurse, start, end))
                    .min(Comparator.comparing((Candidate nurse) -> !nurse.seenPatientBefore())
                            .thenComparingLong(nurse -> visitsOnDay(nurse, start))
                            .thenComparing(Candidate::id));
            if (best.isPresent()) {
                return Optional.of(new Assignment(best.get().id(), start, end));
            }
        }
        return Optional.empty();
    }

    /** Whether this nurse may take the visit at this start: every rule, re-checked under the nurse's lock. */
    public boolean fits(VisitRequest request, Candidate nurse, Instant start) {
        return qualifies(request, nurse) && starts(request).contains(start)
                && isFree(nurse, start, start.plus(SchedulingPolicy.VISIT_LENGTH));
    }

    /** The grid starts inside a window, after the lead time, in the patient's daytime; earliest first. */
    NavigableSet<Instant> starts(VisitRequest request) {
        Instant notBefore = request.requestedAt().plus(policy.leadTime());
        NavigableSet<Instant> starts = new TreeSet<>();
        for (Interval window : request.windows()) {
            Instant first = ceilToGrid(window.start().isAfter(notBefore) ? window.start() : notBefore);
            for (Instant t = first; !t.isAfter(window.end()) && starts.size() < MAX_STARTS;
                 t = t.plus(SchedulingPolicy.GRID)) {
                if (isDaytime(t, request)) {
                    starts.add(t);
                }
            }
        }
        return starts;
    }

    private static boolean isDaytime(Instant start, VisitRequest request) {
        LocalTime local = start.atZone(request.patientZone()).toLocalTime();
        return !local.isBefore(SchedulingPolicy.FIRST_START) && !local.isAfter(SchedulingPolicy.LAST_START);
    }

    private static boolean qualifies(VisitRequest request, Candidate nurse) {
        return nurse.licenseStates().contains(request.state())
                && nurse.skills().containsAll(SchedulingPolicy.REQUIRED_SKILLS)
                && nurse.servicePrefixes().contains(request.zipPrefix());
    }

    private static boolean isFree(Candidate nurse, Instant start, Instant end) {
        Interval visit = new Interval(start, end);
        Interval withTravel = new Interval(start.minus(SchedulingPolicy.TRAVEL_BUFFER),
                end.plus(SchedulingPolicy.TRAVEL_BUFFER));
        return inShift(nurse, start, end)
                && nurse.timeOff().stream().noneMatch(visit::overlaps)
                && nurse.visits().stream().noneMatch(withTravel::overlaps)
                && visitsOnDay(nurse, start) < SchedulingPolicy.MAX_VISITS_PER_DAY;
    }

    private static boolean inShift(Candidate nurse, Instant start, Instant end) {
        ZonedDateTime localStart = start.atZone(nurse.zone());
        ZonedDateTime localEnd = end.atZone(nurse.zone());
        if (!localEnd.toLocalDate().equals(localStart.toLocalDate())) {
            return false;
        }
        return nurse.shifts().stream().anyMatch(shift -> shift.day() == localStart.getDayOfWeek()
                && !localStart.toLocalTime().isBefore(shift.start())
                && !localEnd.toLocalTime().isAfter(shift.end()));
    }

    /** Visits the nurse has on the start's day, in the nurse's time zone. */
    private static long visitsOnDay(Candidate nurse, Instant start) {
        var day = start.atZone(nurse.zone()).toLocalDate();
        return nurse.visits().stream().filter(v -> v.start().atZone(nurse.zone()).toLocalDate().equals(day)).count();
    }

    static Instant ceilToGrid(Instant t) {
        long grid = SchedulingPolicy.GRID.toSeconds();
        long seconds = t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
        return Instant.ofEpochSecond(Math.ceilDiv(seconds, grid) * grid);
    }
}
