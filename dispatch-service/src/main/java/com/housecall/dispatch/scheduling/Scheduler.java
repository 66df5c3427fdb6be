package com.housecall.dispatch.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
    private static final long VISIT_SECONDS = SchedulingPolicy.VISIT_LENGTH.toSeconds();
    private static final long TRAVEL_SECONDS = SchedulingPolicy.TRAVEL_BUFFER.toSeconds();

    private final SchedulingPolicy policy;

    public Scheduler(SchedulingPolicy policy) {
        this.policy = policy;
    }

    public Optional<Assignment> earliest(VisitRequest request, List<Candidate> nurses) {
        return search(prepare(request, nurses, Set.of()), starts(request), request);
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

    /** Where a local day starts, per zone and day: computed once per decision, shared by the nurses of a zone. */
    private static final class DayBounds {

        private final Map<ZoneId, Map<LocalDate, Long>> starts = new HashMap<>();

        long startOf(LocalDate day, ZoneId zone) {
            return starts.computeIfAbsent(zone, z -> new HashMap<>())
                    .computeIfAbsent(day, d -> d.atStartOfDay(zone).toEpochSecond());
        }
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

    /** A candidate ready for many checks: visits as sorted epoch seconds, visits per local day counted lazily. */
    private static final class Prepared {

        final Candidate candidate;
        final DayBounds days;
        /** Visit starts, ascending; {@code maxEnd[i]} the latest end among the first i + 1 visits. */
        final long[] starts;
        final long[] maxEnd;
        final Map<LocalDate, Integer> perDay = new HashMap<>();
        /**
         * No later start before this can fit (epoch seconds): the nurse's local day is full, or a booked visit
         * (with travel) reaches past it. Starts are tried in ascending order, so the rest of a full day costs one
         * comparison per start.
         */
        long busyUntil = Long.MIN_VALUE;

        Prepared(Candidate candidate, DayBounds days) {
            this.candidate = candidate;
            this.days = days;
            List<Interval> visits = candidate.visits();
            if (!sorted(visits)) {
                visits = new ArrayList<>(visits);
                visits.sort(Comparator.comparing(Interval::start));
            }
            starts = new long[visits.size()];
            maxEnd = new long[visits.size()];
            long max = Long.MIN_VALUE;
            for (int i = 0; i < visits.size(); i++) {
                starts[i] = visits.get(i).start().getEpochSecond();
                max = Math.max(max, visits.get(i).end().getEpochSecond());
                maxEnd[i] = max;
            }
        }

        private static boolean sorted(List<Interval> visits) {
            for (int i = 1; i < visits.size(); i++) {
                if (visits.get(i).start().isBefore(visits.get(i - 1).start())) {
                    return false;
                }
            }
            return true;
        }

        /** Every rule about the nurse's time; {@code local} = the visit's start and end in the nurse's zone. */
        boolean isFree(long start, LocalDateTime[] local) {
            long end = start + VISIT_SECONDS;
            LocalDate day = local[0].toLocalDate();
            if (visitsOn(day) >= SchedulingPolicy.MAX_VISITS_PER_DAY) {
                busyUntil = Math.max(busyUntil, days.startOf(day.plusDays(1), candidate.zone()));
                return false;
            }
            return inShift(local[0], local[1]) && noTimeOff(start, end) && !clashes(start, end);
        }

        /** Whether a booked visit comes closer than the travel buffer to {@code [start, end)}. */
        private boolean clashes(long start, long end) {
            // visits starting before end + travel: indexes [0, n); one clashes iff the latest end among them is after
            // start - travel, and then so does every start before that end + travel
            long to = end + TRAVEL_SECONDS;
            int n = Arrays.binarySearch(starts, to);
            n = n >= 0 ? firstIndexOf(to, n) : -n - 1;
            if (n > 0 && maxEnd[n - 1] > start - TRAVEL_SECONDS) {
                busyUntil = Math.max(busyUntil, maxEnd[n - 1] + TRAVEL_SECONDS);
                return true;
            }
            return false;
        }

        private int firstIndexOf(long value, int found) {
            int i = found;
            while (i > 0 && starts[i - 1] == value) {
                i--;
            }
            return i;
        }

        private boolean noTimeOff(long start, long end) {
            for (Interval off : candidate.timeOff()) {
                if (off.start().getEpochSecond() < end && start < off.end().getEpochSecond()) {
                    return false;
                }
            }
            return true;
        }

        private boolean inShift(LocalDateTime localStart, LocalDateTime localEnd) {
            if (!localEnd.toLocalDate().equals(localStart.toLocalDate())) {
                return false;
            }
            LocalTime from = localStart.toLocalTime();
            LocalTime to = localEnd.toLocalTime();
            for (Shift shift : candidate.shifts()) {
                if (shift.day() == localStart.getDayOfWeek() && !from.isBefore(shift.start()) && !to.isAfter(shift.end())) {
                    return true;
                }
            }
            return false;
        }

        /** Visits starting on this day in the nurse's zone. */
        int visitsOn(LocalDate day) {
            Integer known = perDay.get(day);
            if (known != null) {
                return known;
            }
            ZoneId zone = candidate.zone();
            int count = countFrom(days.startOf(day.plusDays(1), zone)) - countFrom(days.startOf(day, zone));
            perDay.put(day, count);
            return count;
        }

        /** How many visits start before {@code t}. */
        private int countFrom(long t) {
            int i = Arrays.binarySearch(starts, t);
            return i >= 0 ? firstIndexOf(t, i) : -i - 1;
        }
    }
}
