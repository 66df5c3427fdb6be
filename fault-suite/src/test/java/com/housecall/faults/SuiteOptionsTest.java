package com.housecall.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteOptionsTest {

    @Test
    void byDefaultEveryScenarioRunsAtTwentyASecondWithFiveHundredConsultations() {
        SuiteOptions options = SuiteOptions.parse(List.of());

        assertThat(options.only()).isEmpty();
        assertThat(options.rate()).isEqualTo(20);
        assertThat(options.consultations()).isEqualTo(500);
        assertThat(options.budget()).isEqualTo(java.time.Duration.ofMinutes(50));
        assertThat(options.rosterPerState()).isEqualTo(12);
    }

    @Test
    void onlyNamesScenariosSeparatedByCommas() {
        SuiteOptions options = SuiteOptions.parse(List.of("--only", "kill-booking, poison", "--consultations", "100",
                "--roster", "3"));

        assertThat(options.only()).containsExactly("kill-booking", "poison");
        assertThat(options.consultations()).isEqualTo(100);
        assertThat(options.rosterPerState()).isEqualTo(3);
    }

    @Test
    void aMistypedOptionIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> SuiteOptions.parse(List.of("--rate", "fast")))
                .hasMessageContaining("--rate must be a positive number");
        assertThatThrownBy(() -> SuiteOptions.parse(List.of("--scenario", "x"))).hasMessageContaining("usage:");
    }
}
