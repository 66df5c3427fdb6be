package com.housecall.dispatch.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.dispatch.scheduling.SchedulingPolicy;
import com.housecall.events.TimeWindow;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.VisitLocation;
import com.housecall.events.booking.VisitPhase;
import com.housecall.events.booking.VisitRequested;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Never two overlapping visits for one nurse (CLINICAL-RULES.md section 3), whatever races: 200 requests for the
 * same week and area, from 16 threads, through two separate Dispatcher beans (as two dispatch instances would be)
 * sharing one database — this context's: PostgreSQL when HOUSECALL_TEST_DB_URL is set, H2 otherwise. A failed
 * attempt (lock timeout, deadlock, contention) is tried again, as a redelivered record would be.
 */
class NoDoubleBookingIT extends VisitScenario {

    private static final int REQUESTS = 200;
    private static final int NURSES = 10;

    @Autowired
    AutowireCapableBeanFactory beans;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoHundredCompetingRequestsNeverOverlapForAnyNurse() throws Exception {
        String prefix = freshPrefix();
        for (int i = 0; i < NURSES; i++) {
            addNurse("race-" + prefix + "-" + i, prefix, "");
        }
        Dispatcher first = dispatcher;
        Dispatcher second = beans.createBean(Dispatcher.class);
        assertThat(second).isNotSameAs(first);
        assertThat(AopUtils.isAopProxy(second)).as("transactional like the first").isTrue();

        // a Monday to Saturday week far ahead, each day open from 08:00 to 17:00: every request wants the same first slot
        ZoneId zone = LA;
        LocalDate monday = LocalDate.of(2030, 6, 3);
        List<TimeWindow> week = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            week.add(new TimeWindow(monday.plusDays(d).atTime(8, 0).atZone(zone).toOffsetDateTime(),
                    monday.plusDays(d).atTime(17, 0).atZone(zone).toOffsetDateTime()));
        }
        List<VisitLocation> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            UUID consultationId = UUID.randomUUID();
            requests.add(VisitLocation.of(new VisitRequested(consultationId, UUID.randomUUID(), 1, VisitPhase.INDUCTION,
                    week, STATE, prefix, zone.getId(), Instant.parse("2030-05-01T00:00:00Z")),
                    new LocationUpdated(consultationId, "1 Main St", "Cheyenne", STATE, prefix + "01", zone.getId())));
        }

        AtomicInteger retries = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < REQUESTS; i++) {
                Dispatcher instance = i % 2 == 0 ? first : second;
                VisitLocation request = requests.get(i);
                done.add(pool.submit(() -> {
                    for (int attempt = 1; ; attempt++) {
                        try {
                            instance.requested(request);
                            return;
                        } catch (RuntimeException e) {
                            retries.incrementAndGet();
                            if (attempt == 50) {
                                throw e;
                            }
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }

        List<UUID> consultations = requests.stream().map(VisitLocation::consultationId).toList();
        Map<String, Long> outcomes = new HashMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM visit_request WHERE consultation_id IN (:ids) GROUP BY status")
                .param("ids", consultations)
                .query(rs -> {
                    outcomes.put(rs.getString("status"), rs.getLong("n"));
                });
        assertThat(outcomes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(REQUESTS);
        // 10 nurses x 6 days x 4 visits = 240 places: everyone fits
        assertThat(outcomes).containsExactly(Map.entry("SCHEDULED", (long) REQUESTS));

        record Slot(UUID nurse, Instant start, Instant end) {
        }
        List<Slot> slots = jdbc.sql("""
                        SELECT nurse_id, start_at, end_at FROM visit
                        WHERE consultation_id IN (:ids) ORDER BY nurse_id, start_at""")
                .param("ids", consultations)
                .query((rs, row) -> new Slot(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
        assertThat(slots).hasSize(REQUESTS);
        List<String> overlaps = new ArrayList<>();
        Map<String, Integer> perNurseDay = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            perNurseDay.merge(slot.nurse() + "/" + slot.start().atZone(zone).toLocalDate(), 1, Integer::sum);
            if (i > 0 && slots.get(i - 1).nurse().equals(slot.nurse())
                    && slots.get(i - 1).end().plus(SchedulingPolicy.TRAVEL_BUFFER).isAfter(slot.start())) {
                overlaps.add(slots.get(i - 1) + " / " + slot);
            }
        }
        assertThat(overlaps).as("visits closer than 85 min + 30 min travel for one nurse").isEmpty();
        assertThat(perNurseDay.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4));
        System.out.printf("NoDoubleBookingIT: %d requests, %d retried attempts%n", REQUESTS, retries.get());
        assertThat(Duration.between(slots.getFirst().start(), slots.getFirst().end())).isEqualTo(SchedulingPolicy.VISIT_LENGTH);
    }
}
