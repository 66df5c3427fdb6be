package com.housecall.booking.course;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The treatment course of CLINICAL-RULES.md section 2 as planned starts in the patient's zone. Plain Java.
 *
 * <p>Each next visit: at most {@link Cadence#perIsoWeek()} in an ISO week (Monday to Sunday in the patient's zone,
 * counting the visits already planned), at least {@link Cadence#minGap()} after the previous one as elapsed time
 * (so across a daylight-saving change 48 h may not be "the same time two days later"), at the patient's usual local
 * start time where possible, else the earliest feasible start that day on a 15-minute grid, else the next service day.
 * Each start gets one arrival window of {@link Hours#arrivalWindow()} that ends no later than {@link Hours#dayEnd()}.
 */
public final class CoursePlanner {

    /** How many visits follow and how they are spaced. */
    public record Cadence(int visits, int perIsoWeek, Duration minGap) {

        /** Visits 2 to 6 of the induction: 2 per ISO week, at least 48 h apart. */
        public static final Cadence INDUCTION_AFTER_FIRST = new Cadence(5, 2, Duration.ofHours(48));
        /** A maintenance block: 1 a week for 4 weeks, about a week apart. */
        public static final Cadence MAINTENANCE = new Cadence(4, 1, Duration.ofDays(6));

        public Cadence {
            if (visits < 1 || perIsoWeek < 1 || minGap.isNegative()) {
                throw new IllegalArgumentException("invalid cadence");
            }
        }
    }

    /** When visits may start: local times in the patient's zone and the days the service works. */
    public record Hours(LocalTime earliestStart, LocalTime dayEnd, Duration arrivalWindow, Duration minWindow,
                        Set<DayOfWeek> serviceDays) {

        /** 08:00 to 17:00 (CLINICAL-RULES.md section 3), windows of 2 h (at least 15 min), Monday to Saturday. */
        public static final Hours DEFAULT = new Hours(LocalTime.of(8, 0), LocalTime.of(17, 0), Duration.ofHours(2),
                Duration.ofMinutes(15), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY));

        LocalTime latestStart() {
            return dayEnd.minus(minWindow);
        }
    }

    /** A planned visit: its start and the end of its arrival window, both in the patient's zone. */
    public record PlannedVisit(ZonedDateTime start, ZonedDateTime windowEnd) {
    }

    private static final int GRID_MINUTES = 15;
    private static final int MAX_DAYS_AHEAD = 366;

    private final Hours hours;

    public CoursePlanner(Hours hours) {
        this.hours = hours;
    }

    /**
     * Plans the next {@code cadence.visits()} visits after {@code earlier} (the starts already planned or held, at
     * least one), preferring {@code preferredTime} local time in {@code zone}.
     */
    public List<PlannedVisit> plan(List<ZonedDateTime> earlier, LocalTime preferredTime, ZoneId zone, Cadence cadence) {
        if (earlier.isEmpty()) {
            throw new IllegalArgumentException("a course is planned after at least one visit");
        }
        Map<LocalDate, Integer> perWeek = new HashMap<>();
        ZonedDateTime previous = null;
        for (ZonedDateTime start : earlier.stream().sorted(Comparator.naturalOrder()).toList()) {
            perWeek.merge(weekOf(start.withZoneSameInstant(zone).toLocalDate()), 1, Integer::sum);
            previous = start.withZoneSameInstant(zone);
        }
        List<PlannedVisit> planned = new ArrayList<>();
        for (int i = 0; i < cadence.visits(); i++) {
            ZonedDateTime start = next(previous, preferredTime, zone, cadence, perWeek);
            planned.add(new PlannedVisit(start, windowEnd(start)));
            perWeek.merge(weekOf(start.toLocalDate()), 1, Integer::sum);
            previous = start;
        }
        return planned;
    }

    private ZonedDateTime next(ZonedDateTime previous, LocalTime preferredTime, ZoneId zone, Cadence cadence,
                               Map<LocalDate, Integer> perWeek) {
        ZonedDateTime earliest = previous.plus(cadence.minGap());
        LocalDate day = previous.toLocalDate();
        for (int n = 0; n < MAX_DAYS_AHEAD; n++) {
            LocalDate week = weekOf(day);
            if (perWeek.getOrDefault(week, 0) >= cadence.perIsoWeek()) {
                day = week.plusWeeks(1);
                continue;
            }
            if (hours.serviceDays().contains(day.getDayOfWeek())) {
                ZonedDateTime open = day.atTime(hours.earliestStart()).atZone(zone);
                ZonedDateTime latest = day.atTime(hours.latestStart()).atZone(zone);
                ZonedDateTime preferred = day.atTime(preferredTime).atZone(zone);
                if (!preferred.isBefore(open) && !preferred.isAfter(latest) && !preferred.isBefore(earliest)
                        && preferred.toLocalTime().equals(preferredTime)) {
                    return preferred;
                }
                ZonedDateTime candidate = onGrid(earliest.isAfter(open) ? earliest : open, zone);
                if (candidate.toLocalDate().equals(day) && !candidate.isAfter(latest)) {
                    return candidate;
                }
            }
            day = day.plusDays(1);
        }
        throw new IllegalStateException("no feasible day within a year");
    }

    /**
     * The earliest start on the 15-minute grid inside {@code [from, to]} that a visit may take: between
     * {@link Hours#earliestStart()} and {@link Hours#dayEnd()} local time, not before {@code notBefore} (the lead time
     * to fast) and at least {@code minGap} from each of {@code others} (the course's other visits). Empty if none.
     */
    public Optional<ZonedDateTime> firstFeasibleStart(ZonedDateTime from, ZonedDateTime to, List<ZonedDateTime> others,
                                                      Duration minGap, Instant notBefore, ZoneId zone) {
        ZonedDateTime lead = notBefore.atZone(zone);
        ZonedDateTime candidate = onGrid(from.isAfter(lead) ? from : lead, zone);
        while (!candidate.isAfter(to)) {
            LocalTime local = candidate.toLocalTime();
            if (local.isBefore(hours.earliestStart())) {
                candidate = candidate.toLocalDate().atTime(hours.earliestStart()).atZone(zone);
                continue;
            }
            if (local.isAfter(hours.dayEnd())) {
                candidate = candidate.toLocalDate().plusDays(1).atTime(hours.earliestStart()).atZone(zone);
                continue;
            }
            if (apart(candidate, others, minGap)) {
                return Optional.of(candidate);
            }
            candidate = candidate.plusMinutes(GRID_MINUTES);
        }
        return Optional.empty();
    }

    /**
     * The "else the next day" of CLINICAL-RULES.md section 2 for a visit no nurse could take at {@code planned}: the
     * next service days in turn (at most {@code maxDays} of them), at the same local time where possible, else the
     * earliest feasible start that day, keeping the cadence's gap from {@code others} and its visits per ISO week.
     * Empty when none of those days fits.
     */
    public Optional<PlannedVisit> replan(ZonedDateTime planned, List<ZonedDateTime> others, Instant notBefore,
                                         Cadence cadence, int maxDays) {
        ZoneId zone = planned.getZone();
        LocalDate day = planned.toLocalDate();
        for (int tried = 0; tried < maxDays; ) {
            day = day.plusDays(1);
            if (!hours.serviceDays().contains(day.getDayOfWeek())) {
                continue;
            }
            tried++;
            LocalDate week = weekOf(day);
            long inWeek = others.stream().filter(o -> weekOf(o.withZoneSameInstant(zone).toLocalDate()).equals(week)).count();
            if (inWeek >= cadence.perIsoWeek()) {
                continue;
            }
            ZonedDateTime preferred = day.atTime(planned.toLocalTime()).atZone(zone);
            ZonedDateTime latest = day.atTime(hours.latestStart()).atZone(zone);
            Optional<ZonedDateTime> start = inHours(preferred) && !preferred.toInstant().isBefore(notBefore)
                    && apart(preferred, others, cadence.minGap()) ? Optional.of(preferred)
                    : firstFeasibleStart(day.atTime(hours.earliestStart()).atZone(zone), latest, others,
                            cadence.minGap(), notBefore, zone);
            if (start.isPresent()) {
                return start.map(s -> new PlannedVisit(s, windowEnd(s)));
            }
        }
        return Optional.empty();
    }

    private boolean inHours(ZonedDateTime start) {
        LocalTime local = start.toLocalTime();
        return !local.isBefore(hours.earliestStart()) && !local.isAfter(hours.latestStart());
    }

    private ZonedDateTime windowEnd(ZonedDateTime start) {
        ZonedDateTime dayEnd = start.toLocalDate().atTime(hours.dayEnd()).atZone(start.getZone());
        ZonedDateTime windowEnd = start.plus(hours.arrivalWindow());
        return windowEnd.isAfter(dayEnd) ? dayEnd : windowEnd;
    }

    private static boolean apart(ZonedDateTime start, List<ZonedDateTime> others, Duration minGap) {
        return others.stream().allMatch(o -> Duration.between(o.toInstant(), start.toInstant()).abs().compareTo(minGap) >= 0);
    }

    /** Rounds up to the next quarter hour of local time. */
    private static ZonedDateTime onGrid(ZonedDateTime time, ZoneId zone) {
        ZonedDateTime local = time.withZoneSameInstant(zone);
        ZonedDateTime truncated = local.truncatedTo(ChronoUnit.MINUTES);
        int minute = truncated.getMinute();
        int over = minute % GRID_MINUTES;
        ZonedDateTime grid = truncated.withMinute(minute - over);
        return grid.isBefore(local) ? grid.plusMinutes(GRID_MINUTES) : grid;
    }

    /** The Monday of the ISO week of {@code day}. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
