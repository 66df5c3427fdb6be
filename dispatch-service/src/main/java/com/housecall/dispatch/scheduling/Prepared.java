package com.housecall.dispatch.scheduling;

import static com.housecall.dispatch.scheduling.Scheduler.TRAVEL_SECONDS;
import static com.housecall.dispatch.scheduling.Scheduler.VISIT_SECONDS;

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
import java.util.Optional;

/** A candidate ready for many checks: visits as sorted epoch seconds, visits per local day counted lazily. */
final class Prepared {

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

    /** The first rule about the nurse's time that {@code start} breaks; empty when the nurse is free then. */
    Optional<Refusal> refusal(long start, LocalDateTime[] local) {
        long end = start + VISIT_SECONDS;
        if (!inShift(local[0], local[1])) {
            return Optional.of(Refusal.OFF_SHIFT);
        }
        if (!noTimeOff(start, end)) {
            return Optional.of(Refusal.TIME_OFF);
        }
        if (visitsOn(local[0].toLocalDate()) >= SchedulingPolicy.MAX_VISITS_PER_DAY) {
            return Optional.of(Refusal.DAY_FULL);
        }
        return clashes(start, end) ? Optional.of(Refusal.OVERLAP) : Optional.empty();
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
