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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo roster of CONTRACT.md section 1: 10 nurses in California ({@code nurse1} … {@code nurse10}) and 2 in
 * every other state and DC ({@code nurse-tx-1}, {@code nurse-tx-2}, …), each licensed in their state, serving all
 * of its 3-digit ZIP prefixes ({@code roster/states.csv}), Monday to Saturday 07:00–19:00 in their time zone, with
 * IV_THERAPY and ACLS. Ids derive from the username, so seeding again adds only the nurses that are missing.
 * Runs after the migrations and before the Kafka consumers start.
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
    private final TransactionTemplate transactions;

    DemoRoster(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    record StateArea(String state, String timeZone, List<String> zipPrefixes) {
    }

    record DemoNurse(UUID id, String username, String firstName, String lastName, StateArea area) {
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<DemoNurse> nurses = nurses(areas());
        int added = transactions.execute(status -> (int) nurses.stream().filter(this::addIfMissing).count());
        log.info("Demo roster: {} nurses, {} added", nurses.size(), added);
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

    private boolean addIfMissing(DemoNurse nurse) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM nurse WHERE id = ?").param(nurse.id()).query(Long.class).single() > 0;
        if (exists) {
            return false;
        }
        StateArea area = nurse.area();
        jdbc.sql("""
                        INSERT INTO nurse (id, username, first_name, last_name, display_name, time_zone, home_postal_code)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(nurse.id(), nurse.username(), nurse.firstName(), nurse.lastName(),
                        nurse.firstName() + " " + nurse.lastName().charAt(0) + ".", area.timeZone(),
                        area.zipPrefixes().getFirst() + "01")
                .update();
        jdbc.sql("INSERT INTO nurse_license (nurse_id, state) VALUES (?, ?)").params(nurse.id(), area.state()).update();
        for (String skill : SKILLS) {
            jdbc.sql("INSERT INTO nurse_skill (nurse_id, skill) VALUES (?, ?)").params(nurse.id(), skill).update();
        }
        for (String prefix : area.zipPrefixes()) {
            jdbc.sql("INSERT INTO nurse_service_prefix (nurse_id, zip_prefix) VALUES (?, ?)")
                    .params(nurse.id(), prefix).update();
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SUNDAY) {
                jdbc.sql("INSERT INTO nurse_shift (nurse_id, day_of_week, start_time, end_time) VALUES (?, ?, ?, ?)")
                        .params(nurse.id(), day.getValue(), SHIFT_START, SHIFT_END).update();
            }
        }
        return true;
    }
}
