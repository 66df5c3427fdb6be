package com.housecall.dispatch.nurse;

import com.housecall.dispatch.scheduling.Candidate;
import com.housecall.dispatch.scheduling.Interval;
import com.housecall.dispatch.scheduling.Shift;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads nurses as the scheduler needs them, and locks one nurse while a visit is booked for them. */
@Repository
public class NurseRoster {

    /** Visits counted per nurse-local day: load a day around the windows so every zone's day is complete. */
    private static final Duration MARGIN = Duration.ofDays(1);

    private final JdbcClient jdbc;

    NurseRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** No visit: nothing left out of the nurses' bookings. */
    private static final UUID NO_VISIT = new UUID(0, 0);

    /**
     * Active nurses licensed in the state and serving the ZIP prefix, with their visits around {@code span} but
     * {@code movingVisit} (a visit being rescheduled: its old slot is freed by the move; null for none).
     */
    public List<Candidate> candidates(String state, String zipPrefix, UUID consultationId, Interval span,
                                      @Nullable UUID movingVisit) {
        List<UUID> ids = jdbc.sql("""
                        SELECT n.id FROM nurse n
                        WHERE n.active
                          AND EXISTS (SELECT 1 FROM nurse_license l WHERE l.nurse_id = n.id AND l.state = :state)
                          AND EXISTS (SELECT 1 FROM nurse_service_prefix p WHERE p.nurse_id = n.id AND p.zip_prefix = :prefix)
                        ORDER BY n.id""")
                .param("state", state).param("prefix", zipPrefix)
                .query((rs, row) -> rs.getObject("id", UUID.class)).list();
        return load(ids, consultationId, span, movingVisit);
    }

    /**
     * Locks the nurse's row until the transaction ends, so two dispatchers (threads or instances) never book
     * overlapping visits for one nurse; then reads the nurse again, with every visit committed before the lock.
     * Empty when the nurse is out of dispatch (inactive).
     */
    public Optional<Candidate> lock(UUID nurseId, UUID consultationId, Interval span, @Nullable UUID movingVisit) {
        boolean active = jdbc.sql("SELECT active FROM nurse WHERE id = ? FOR UPDATE").param(nurseId)
                .query(Boolean.class).single();
        return active ? Optional.of(load(List.of(nurseId), consultationId, span, movingVisit).getFirst())
                : Optional.empty();
    }

    /** The nurse as the scheduler sees them now, whether or not they are active (their shifts and time off). */
    public Candidate current(UUID nurseId, UUID consultationId, Interval span) {
        return load(List.of(nurseId), consultationId, span, null).getFirst();
    }

    /** "Jordan P.": what a patient is told. */
    public String displayName(UUID nurseId) {
        return jdbc.sql("SELECT display_name FROM nurse WHERE id = ?").param(nurseId).query(String.class).single();
    }

    /** The nurse's own time zone; empty for an id not on the roster. */
    public Optional<ZoneId> zoneOf(UUID nurseId) {
        return jdbc.sql("SELECT time_zone FROM nurse WHERE id = ?").param(nurseId).query(String.class).optional()
                .map(ZoneId::of);
    }

    public Optional<UUID> idOf(String username) {
        return jdbc.sql("SELECT id FROM nurse WHERE username = ?").param(username).query(UUID.class).optional();
    }

    private List<Candidate> load(List<UUID> ids, UUID consultationId, Interval span, @Nullable UUID movingVisit) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> zones = new HashMap<>();
        jdbc.sql("SELECT id, time_zone FROM nurse WHERE id IN (:ids)").param("ids", ids)
                .query(rs -> {
                    zones.put(rs.getObject("id", UUID.class), rs.getString("time_zone"));
                });
        Map<UUID, Set<String>> licenses = strings("SELECT nurse_id, state AS v FROM nurse_license WHERE nurse_id IN (:ids)", ids);
        Map<UUID, Set<String>> skills = strings("SELECT nurse_id, skill AS v FROM nurse_skill WHERE nurse_id IN (:ids)", ids);
        Map<UUID, Set<String>> prefixes = strings(
                "SELECT nurse_id, zip_prefix AS v FROM nurse_service_prefix WHERE nurse_id IN (:ids)", ids);
        Map<UUID, List<Shift>> shifts = new HashMap<>();
        jdbc.sql("SELECT nurse_id, day_of_week, start_time, end_time FROM nurse_shift WHERE nurse_id IN (:ids)")
                .param("ids", ids)
                .query(rs -> {
                    shifts.computeIfAbsent(rs.getObject("nurse_id", UUID.class), id -> new ArrayList<>())
                            .add(new Shift(DayOfWeek.of(rs.getInt("day_of_week")),
                                    rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class)));
                });
        Instant from = span.start().minus(MARGIN);
        Instant to = span.end().plus(MARGIN);
        Map<UUID, List<Interval>> timeOff = intervals("""
                SELECT nurse_id, start_at, end_at FROM nurse_time_off
                WHERE nurse_id IN (:ids) AND end_at > :from AND start_at < :to""", ids, from, to, NO_VISIT);
        Map<UUID, List<Interval>> visits = intervals("""
                SELECT nurse_id, start_at, end_at FROM visit
                WHERE nurse_id IN (:ids) AND status NOT IN ('CANCELLED', 'DECLINED', 'UNSCHEDULABLE')
                  AND end_at > :from AND start_at < :to AND visit_id <> :moving""", ids, from, to,
                movingVisit == null ? NO_VISIT : movingVisit);
        Set<UUID> seenBefore = new HashSet<>(jdbc.sql("SELECT DISTINCT nurse_id FROM visit WHERE consultation_id = ?")
                .param(consultationId).query((rs, row) -> rs.getObject("nurse_id", UUID.class)).list());
        return ids.stream().map(id -> new Candidate(id, ZoneId.of(zones.get(id)),
                licenses.getOrDefault(id, Set.of()), skills.getOrDefault(id, Set.of()),
                prefixes.getOrDefault(id, Set.of()), shifts.getOrDefault(id, List.of()),
                timeOff.getOrDefault(id, List.of()), visits.getOrDefault(id, List.of()), seenBefore.contains(id)))
                .toList();
    }

    private Map<UUID, Set<String>> strings(String sql, List<UUID> ids) {
        Map<UUID, Set<String>> values = new HashMap<>();
        jdbc.sql(sql).param("ids", ids).query(rs -> {
            values.computeIfAbsent(rs.getObject("nurse_id", UUID.class), id -> new HashSet<>()).add(rs.getString("v"));
        });
        return values;
    }

    private Map<UUID, List<Interval>> intervals(String sql, List<UUID> ids, Instant from, Instant to, UUID moving) {
        Map<UUID, List<Interval>> values = new HashMap<>();
        var query = jdbc.sql(sql).param("ids", ids).param("from", utc(from)).param("to", utc(to));
        (sql.contains(":moving") ? query.param("moving", moving) : query).query(rs -> {
            values.computeIfAbsent(rs.getObject("nurse_id", UUID.class), id -> new ArrayList<>())
                    .add(new Interval(rs.getObject("start_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("end_at", OffsetDateTime.class).toInstant()));
        });
        return values;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
