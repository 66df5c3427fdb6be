package com.housecall.dispatch.nurse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo roster of CONTRACT.md section 1. */
class DemoRosterTest {

    @Test
    void tenNursesInCaliforniaAndTwoInEveryOtherStateAndDc() {
        List<DemoRoster.StateArea> areas = DemoRoster.areas();
        List<DemoRoster.DemoNurse> nurses = DemoRoster.nurses(areas);

        assertThat(areas).hasSize(51).extracting(DemoRoster.StateArea::state).contains("DC", "CA", "TX").doesNotHaveDuplicates();
        assertThat(nurses).hasSize(10 + 2 * 50);
        assertThat(nurses).filteredOn(n -> n.area().state().equals("CA")).extracting(DemoRoster.DemoNurse::username)
                .contains("nurse1", "nurse10");
        assertThat(nurses).extracting(DemoRoster.DemoNurse::username).doesNotHaveDuplicates();
        assertThat(nurses).extracting(DemoRoster.DemoNurse::id).doesNotHaveDuplicates();
        assertThat(areas).allSatisfy(area -> {
            assertThat(ZoneId.of(area.timeZone())).isNotNull();
            assertThat(area.zipPrefixes()).isNotEmpty().allMatch(p -> p.matches("[0-9]{3}"));
        });
    }

    @Test
    void prefixRangesExpandWithLeadingZeros() {
        assertThat(DemoRoster.prefixes("005,100-102")).containsExactly("005", "100", "101", "102");
    }

    @Test
    void idsAreStableAcrossRuns() {
        assertThat(DemoRoster.nurses(DemoRoster.areas()).getFirst().id())
                .isEqualTo(DemoRoster.nurses(DemoRoster.areas()).getFirst().id());
    }
}
