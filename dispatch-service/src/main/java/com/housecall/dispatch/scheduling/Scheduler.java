package com.housecall.dispatch.scheduling;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Finds the earliest feasible start in the patient's windows and the nurse to send (CLINICAL-RULES.md section 3).
 * Among nurses free at that start: the one who saw the patient before, then the one with the fewest visits that
 * day, then the lowest id so the choice is repeatable.
 *
 * <p>One decision looks at every start of the windows, earliest first, and at every qualified nurse for each
 * start until one fits; so each nurse is prepared once: visits sorted (a binary search finds a clash), visits per
 * local day counted once per day, and the nurse-local time of a start computed once per time zone.
 */
public final class Scheduler {

    /** Keeps a pathological window (months long) from running forever: 60 days of quarter hours. */
    private static final int MAX_STARTS = 60 * 24 * 4;
    static final long VISIT_SECONDS = SchedulingPolicy.VISIT_LENGTH.toSeconds();
    static final long TRAVEL_SECONDS = SchedulingPolicy.TRAVEL_BUFFER.toSeconds();

    private final SchedulingPolicy policy;

    public Scheduler(SchedulingPolicy policy) {
        this.policy = policy;
    }

    public Optional<Assignment> earliest(VisitRequest request, List<Candidate> nurses) {
        return earliest(request, nurses, Set.of());
    }

    /** The earliest start in the windows with any nurse but {@code excluded} (a reschedule: decliners stay out). */
    public Optional<Assignment> earliest(VisitRequest request, List<Candidate> nurses, Set<UUID> excluded) {
        return search(prepare(request, nurses, excluded), starts(request), request);
    }

    /**
     * Re-dispatch: another qualified nurse, never one of {@code excluded} (who declined or were late), at
     * {@code keepStart} if anyone can take it, else at the earliest feasible start of the windows after
     * {@code now}.
     */
    public Optional<Assignment> reassign(VisitRequest request, List<Candidate> nurses, Instant keepStart,
                                         Set<UUID> excluded, Instant now) {
        List<Prepared> pool = prepare(request, nurses, excluded);
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        if (keepStart.isAfter(now) && isDaytime(keepStart, request)) {
            Optional<Assignment> kept = best(pool, keepStart, new HashMap<>());
            if (kept.isPresent()) {
                return kept;
            }
            // what was learnt at that start holds for later starts only; the search begins earlier
            pool.forEach(nurse -> nurse.busyUntil = Long.MIN_VALUE);
        }
        return search(pool, starts(request).tailSet(now, false), request);
    }

    /** Whether this nurse may take the visit at this start: every rule, re-checked under the nurse's lock. */
    public boolean fits(VisitRequest request, Candidate nurse, Instant start) {
        return qualifies(request, nurse) && starts(request).contains(start)
                && new Prepared(nurse, new DayBounds()).isFree(start.getEpochSecond(), localTimes(start, new HashMap<>(), nurse.zone()));
    }

    /**
     * Whether the nurse an operator chose may take the visit at the start it already has: the rules of automatic
     * dispatch about the nurse (licence, skills, service area, shift, time off, visits that day, overlap with
     * travel); the patient's windows and the lead time were met when the start was first booked.
     */
    public Optional<Refusal> refusal(VisitRequest request, Candidate nurse, Instant start) {
        if (!nurse.licenseStates().contains(request.state())) {
            return Optional.of(Refusal.NOT_LICENSED);
        }
        if (!nurse.skills().containsAll(SchedulingPolicy.REQUIRED_SKILLS)) {
            return Optional.of(Refusal.MISSING_SKILLS);
        }
        if (!nurse.servicePrefixes().contains(request.zipPrefix())) {
            return Optional.of(Refusal.OUTSIDE_SERVICE_AREA);
        }
        return new Prepared(nurse, new DayBounds()).refusal(start.getEpochSecond(),
                localTimes(start, new HashMap<>(), nurse.zone()));
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

    private static Optional<Assignment> search(List<Prepared> pool, NavigableSet<Instant> starts, VisitRequest request) {
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        Map<ZoneId, LocalDateTime[]> byZone = new HashMap<>();
        for (Instant start : starts) {
            byZone.clear();
            Optional<Assignment> best = best(pool, start, byZone);
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }

    /** The preferred nurse free at {@code start}: continuity, then fewest visits that day, then lowest id. */
    private static Optional<Assignment> best(List<Prepared> pool, Instant start, Map<ZoneId, LocalDateTime[]> byZone) {
        long s = start.getEpochSecond();
        Prepared best = null;
        int bestDayCount = Integer.MAX_VALUE;
        for (Prepared nurse : pool) {
            if (s < nurse.busyUntil) {
                continue;
            }
            LocalDateTime[] local = localTimes(start, byZone, nurse.candidate.zone());
            if (!nurse.isFree(s, local)) {
                continue;
            }
            int dayCount = nurse.visitsOn(local[0].toLocalDate());
            if (best == null || better(nurse, dayCount, best, bestDayCount)) {
                best = nurse;
                bestDayCount = dayCount;
            }
        }
        return best == null ? Optional.empty()
                : Optional.of(new Assignment(best.candidate.id(), start, start.plus(SchedulingPolicy.VISIT_LENGTH)));
    }

    private static boolean better(Prepared nurse, int dayCount, Prepared best, int bestDayCount) {
        boolean seen = nurse.candidate.seenPatientBefore();
        if (seen != best.candidate.seenPatientBefore()) {
            return seen;
        }
        if (dayCount != bestDayCount) {
            return dayCount < bestDayCount;
        }
        return nurse.candidate.id().compareTo(best.candidate.id()) < 0;
    }

    /** The visit's start and end in the nurse's zone, computed once per zone and start. */
    private static LocalDateTime[] localTimes(Instant start, Map<ZoneId, LocalDateTime[]> byZone, ZoneId zone) {
        return byZone.computeIfAbsent(zone, z -> new LocalDateTime[]{
                LocalDateTime.ofInstant(start, z), LocalDateTime.ofInstant(start.plus(SchedulingPolicy.VISIT_LENGTH), z)});
    }

    private static List<Prepared> prepare(VisitRequest request, List<Candidate> nurses, Set<UUID> excluded) {
        List<Prepared> pool = new ArrayList<>();
        DayBounds days = new DayBounds();
        for (Candidate nurse : nurses) {
            if (!excluded.contains(nurse.id()) && qualifies(request, nurse)) {
                pool.add(new Prepared(nurse, days));
            }
        }
        return pool;
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

    static Instant ceilToGrid(Instant t) {
        long grid = SchedulingPolicy.GRID.toSeconds();
        long seconds = t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
        return Instant.ofEpochSecond(Math.ceilDiv(seconds, grid) * grid);
    }
}
