package com.housecall.dispatch.nurse;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.dispatch.DispatchIntegration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo roster as the running service seeded it, and seeded again on a restart: only what is missing. */
class DemoRosterIT extends DispatchIntegration {

    private static final List<String> NURSE_TABLES =
            List.of("nurse_license", "nurse_skill", "nurse_service_prefix", "nurse_shift");

    @Autowired
    private DemoRoster roster;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TransactionTemplate transactions;

    @Test
    void everyDemoNurseIsOnTheRosterWithLicenceSkillsAreasAndShifts() {
        List<DemoRoster.DemoNurse> nurses = DemoRoster.nurses(DemoRoster.areas());

        assertThat(nurses).allSatisfy(nurse -> assertThat(rowsOf(nurse)).containsExactly(
                1L, 1L, 2L, (long) nurse.area().zipPrefixes().size(), 6L));
        DemoRoster.DemoNurse first = nurses.getFirst();
        assertThat(jdbc.sql("SELECT username, display_name, time_zone FROM nurse WHERE id = ?").param(first.id())
                .query((row, n) -> List.of(row.getString(1), row.getString(2), row.getString(3))).single())
                .containsExactly(first.username(), first.firstName() + " " + first.lastName().charAt(0) + ".",
                        first.area().timeZone());
    }

    @Test
    void seedingAgainAddsOnlyTheNurseThatWentMissing() {
        List<DemoRoster.DemoNurse> nurses = DemoRoster.nurses(DemoRoster.areas());
        DemoRoster.DemoNurse gone = nurses.stream().filter(n -> n.username().equals("nurse-ak-2")).findFirst()
                .orElseThrow();
        List<Long> before = rowsOf(gone);
        transactions.executeWithoutResult(status -> {
            NURSE_TABLES.forEach(table ->
                    jdbc.sql("DELETE FROM " + table + " WHERE nurse_id = ?").param(gone.id()).update());
            jdbc.sql("DELETE FROM nurse WHERE id = ?").param(gone.id()).update();
        });
        long rosterSize = count("nurse", null);

        assertThat(seed(nurses)).isEqualTo(1);
        assertThat(rowsOf(gone)).isEqualTo(before);
        assertThat(count("nurse", null)).isEqualTo(rosterSize + 1);
        assertThat(seed(nurses)).isZero();
        assertThat(count("nurse", null)).isEqualTo(rosterSize + 1);
    }

    private int seed(List<DemoRoster.DemoNurse> nurses) {
        Integer added = transactions.execute(status -> roster.addMissing(nurses));
        return added == null ? -1 : added;
    }

    /** The nurse's rows in nurse, nurse_license, nurse_skill, nurse_service_prefix and nurse_shift. */
    private List<Long> rowsOf(DemoRoster.DemoNurse nurse) {
        return Stream.concat(Stream.of(count("nurse", nurse.id())),
                NURSE_TABLES.stream().map(table -> count(table, nurse.id()))).toList();
    }

    private long count(String table, UUID nurse) {
        String column = table.equals("nurse") ? "id" : "nurse_id";
        return nurse == null ? jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single()
                : jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?").param(nurse)
                        .query(Long.class).single();
    }
}
