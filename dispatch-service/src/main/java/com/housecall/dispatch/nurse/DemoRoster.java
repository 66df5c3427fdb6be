package com.housecall.dispatch.nurse;

import com.housecall.security.TokenChecks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo roster of CONTRACT.md section 1: 10 nurses in California ({@code nurse1} … {@code nurse10}) and 2 in
 * every other state and DC ({@code nurse-tx-1}, {@code nurse-tx-2}, …), each licensed in their state, serving all
 * of its 3-digit ZIP prefixes ({@code roster/states.csv}), Monday to Saturday 07:00–19:00 in their time zone, with
 * IV_THERAPY and ACLS. Ids derive from the username, so seeding again adds only the nurses that are missing.
 * Runs after the migrations and before the Kafka consumers start, so it stays off a restart's path: one query finds
 * who is there, and the missing are written in batches (a SELECT per nurse took 4.5 s of a restart, and some 3,400
 * single-row INSERTs 8.4 s of a first start, on a loaded two-core machine).
 */
@Component
@ConditionalOnBooleanProperty(name = "housecall.dispatch.demo-roster", matchIfMissing = true)
@Profile("!" + TokenChecks.PRODUCTION)
class DemoRoster implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoRoster.class);

    private static final int CALIFORNIA_NURSES = 10;
    private static final int NURSES_PER_STATE = 2;
    private static final LocalTime SHIFT_START = LocalTime.of(7, 0);
    private static final LocalTime SHIFT_END = LocalTime.of(19, 0);
    private static final List<String> SKILLS = List.of("IV_THERAPY", "ACLS");
    private static final List<String> FIRST_NAMES = List.of("Jordan", "Maria", "Sam", "Priya", "Alex", "Mei",
            "Taylor", "Fatima", "Diego", "Grace", "Omar", "Lena", "Kofi", "Hannah", "Luis", "Aisha", "Noah");
    private static final List<String> LAST_NAMES = List.of("Patel", "Garcia", "Nguyen", "Kim", "Johnson", "Okafor",
            "Rossi", "Smith", "Cohen", "Silva", "Brown", "Haddad", "Müller");

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;

    DemoRoster(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
    }

    record StateArea(String state, String timeZone, List<String> zipPrefixes) {
    }

    record DemoNurse(UUID id, String username, String firstName, String lastName, StateArea area) {
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<DemoNurse> nurses = nurses(areas());
        int added = transactions.execute(status -> addMissing(nurses));
        log.info("Demo roster: {} nurses, {} added", nurses.size(), added);
    }

    /** Adds the nurses not on the roster yet; how many. */
    int addMissing(List<DemoNurse> nurses) {
        Set<UUID> present = new HashSet<>(jdbc.sql("SELECT id FROM nurse").query(UUID.class).list());
        List<DemoNurse> missing = nurses.stream().filter(nurse -> !present.contains(nurse.id())).toList();
        if (missing.isEmpty()) {
            return 0;
        }
        batch("INSERT INTO nurse (id, username, first_name, last_name, display_name, time_zone, home_postal_code)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", missing, nurse -> Stream.<Object[]>of(new Object[] {nurse.id(),
                nurse.username(), nurse.firstName(), nurse.lastName(),
                nurse.firstName() + " " + nurse.lastName().charAt(0) + ".", nurse.area().timeZone(),
                nurse.area().zipPrefixes().getFirst() + "01"}));
        batch("INSERT INTO nurse_license (nurse_id, state) VALUES (?, ?)", missing,
                nurse -> Stream.<Object[]>of(new Object[] {nurse.id(), nurse.area().state()}));
        batch("INSERT INTO nurse_skill (nurse_id, skill) VALUES (?, ?)", missing,
                nurse -> SKILLS.stream().map(skill -> new Object[] {nurse.id(), skill}));
        batch("INSERT INTO nurse_service_prefix (nurse_id, zip_prefix) VALUES (?, ?)", missing,
                nurse -> nurse.area().zipPrefixes().stream().map(prefix -> new Object[] {nurse.id(), prefix}));
        batch("INSERT INTO nurse_shift (nurse_id, day_of_week, start_time, end_time) VALUES (?, ?, ?, ?)", missing,
                nurse -> Arrays.stream(DayOfWeek.values()).filter(day -> day != DayOfWeek.SUNDAY)
                        .map(day -> new Object[] {nurse.id(), day.getValue(), SHIFT_START, SHIFT_END}));
        return missing.size();
    }

    private void batch(String sql, List<DemoNurse> nurses, Function<DemoNurse, Stream<Object[]>> rows) {
        jdbcTemplate.batchUpdate(sql, nurses.stream().flatMap(rows).toList());
    }

    static List<DemoNurse> nurses(List<StateArea> areas) {
        List<DemoNurse> nurses = new ArrayList<>();
        int n = 0;
        for (StateArea area : areas) {
            boolean california = area.state().equals("CA");
            int count = california ? CALIFORNIA_NURSES : NURSES_PER_STATE;
            for (int i = 1; i <= count; i++, n++) {
                String username = california ? "nurse" + i : "nurse-" + area.state().toLowerCase(Locale.ROOT) + "-" + i;
                nurses.add(new DemoNurse(UUID.nameUUIDFromBytes(("housecall-demo-nurse:" + username)
                        .getBytes(StandardCharsets.UTF_8)), username, FIRST_NAMES.get(n % FIRST_NAMES.size()),
                        LAST_NAMES.get(n % LAST_NAMES.size()), area));
            }
        }
        return nurses;
    }

    static List<StateArea> areas() {
        List<StateArea> areas = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ClassPathResource("roster/states.csv").getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(";");
                areas.add(new StateArea(fields[0], fields[1], prefixes(fields[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return areas;
    }

    /** {@code "005,100-149"} → 005, 100, 101, …, 149. */
    static List<String> prefixes(String ranges) {
        List<String> prefixes = new ArrayList<>();
        for (String range : ranges.split(",")) {
            String[] bounds = range.trim().split("-");
            int first = Integer.parseInt(bounds[0]);
            int last = Integer.parseInt(bounds[bounds.length - 1]);
            for (int p = first; p <= last; p++) {
                prefixes.add("%03d".formatted(p));
            }
        }
        return prefixes;
    }
}
