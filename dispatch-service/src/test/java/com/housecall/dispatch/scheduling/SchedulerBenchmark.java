package com.housecall.dispatch.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * One scheduling decision on one thread over 1,000 nurses with 20,000 booked visits between them (20 each over
 * two working weeks), every nurse qualified: the worst case, as the roster query normally hands the engine only
 * the nurses licensed in the state and serving the ZIP prefix. Issue 6 asks for 5 ms p99 or less.
 * {@code earliestFree}: a request over three days whose first start finds a free nurse; {@code firstDayFull}: the
 * first requested day is fully booked for everybody (4 visits each), so every start of that day is tried against
 * every nurse before the second day's first start fits. Run it as dispatch-service/README.md says; surefire never
 * picks it up (not *Test, not *IT).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class SchedulerBenchmark {

    static final int NURSES = 1_000;
    static final int VISITS = 20_000;
    static final ZoneId[] ZONES = {ZoneId.of("America/Los_Angeles"), ZoneId.of("America/Denver"),
            ZoneId.of("America/Chicago"), ZoneId.of("America/New_York")};
    static final ZoneId PATIENT = ZoneId.of("America/Los_Angeles");
    /** A Monday. */
    static final LocalDate WEEK = LocalDate.of(2026, 11, 30);

    private final Scheduler scheduler = new Scheduler(SchedulingPolicy.DEFAULT);
    private List<Candidate> spread;
    private List<Candidate> firstDayFull;
    private VisitRequest request;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        List<Shift> shifts = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                shifts.add(new Shift(day, LocalTime.of(7, 0), LocalTime.of(19, 0)));
            }
        }
        // the ten working days of two weeks; a nurse has 2 visits a day at random slots, 4 on the first Tuesday
        // in the firstDayFull variant
        List<LocalDate> days = new ArrayList<>();
        for (int d = 0; d < 14; d++) {
            LocalDate day = WEEK.plusDays(d);
            if (day.getDayOfWeek() != DayOfWeek.SUNDAY && day.getDayOfWeek() != DayOfWeek.SATURDAY) {
                days.add(day);
            }
        }
        LocalTime[] slots = {LocalTime.of(8, 0), LocalTime.of(10, 0), LocalTime.of(12, 0), LocalTime.of(14, 0)};
        spread = new ArrayList<>();
        firstDayFull = new ArrayList<>();
        int booked = 0;
        for (int n = 0; n < NURSES; n++) {
            ZoneId zone = ZONES[n % ZONES.length];
            List<Interval> visits = new ArrayList<>();
            List<Interval> full = new ArrayList<>();
            for (LocalDate day : days) {
                int first = random.nextInt(3);
                for (int k : new int[]{first, first + 1 + random.nextInt(3 - first)}) {
                    Instant start = day.atTime(slots[k]).atZone(zone).toInstant();
                    visits.add(new Interval(start, start.plus(SchedulingPolicy.VISIT_LENGTH)));
                }
                if (day.equals(WEEK.plusDays(1))) {
                    for (LocalTime slot : slots) {
                        Instant start = day.atTime(slot).atZone(zone).toInstant();
                        full.add(new Interval(start, start.plus(SchedulingPolicy.VISIT_LENGTH)));
                    }
                } else {
                    full.addAll(visits.subList(visits.size() - 2, visits.size()));
                }
            }
            booked += visits.size();
            UUID id = new UUID(0, n + 1);
            spread.add(new Candidate(id, zone, Set.of("CA"), Set.of("IV_THERAPY", "ACLS"), Set.of("941"), shifts,
                    List.of(), visits, n == 500));
            firstDayFull.add(new Candidate(id, zone, Set.of("CA"), Set.of("IV_THERAPY", "ACLS"), Set.of("941"), shifts,
                    List.of(), full, n == 500));
        }
        if (booked != VISITS) {
            throw new IllegalStateException("expected " + VISITS + " visits, built " + booked);
        }
        // Tuesday to Thursday of the first week, 08:00 to 17:00 in Los Angeles
        List<Interval> windows = new ArrayList<>();
        for (int d = 1; d <= 3; d++) {
            LocalDate day = WEEK.plusDays(d);
            windows.add(new Interval(day.atTime(8, 0).atZone(PATIENT).toInstant(), day.atTime(17, 0).atZone(PATIENT).toInstant()));
        }
        request = new VisitRequest(windows, "CA", "941", PATIENT, WEEK.atStartOfDay(PATIENT).toInstant().minus(Duration.ofDays(1)));
        if (scheduler.earliest(request, spread).isEmpty() || scheduler.earliest(request, firstDayFull).isEmpty()) {
            throw new IllegalStateException("the benchmark's requests must be schedulable");
        }
    }

    @Benchmark
    public Object earliestFree() {
        return scheduler.earliest(request, spread);
    }

    @Benchmark
    public Object firstDayFull() {
        return scheduler.earliest(request, firstDayFull);
    }
}
