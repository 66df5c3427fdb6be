package com.housecall.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private final Map<String, Fault> all = all(false);

    @Test
    void theBaselineRunsFirstThenEachServiceIsKilledThenStoppedThenOneOfTwoKilledThenTheSharedParts() {
        assertThat(all.keySet()).containsExactly("baseline", "kill-booking", "kill-screening", "kill-dispatch",
                "kill-notification", "term-booking", "term-screening", "term-dispatch", "term-notification",
                "scale-booking", "scale-screening", "scale-dispatch", "scale-notification", "broker-restart",
                "database-cut", "duplicates", "poison");
    }

    @Test
    void theThreeBrokerClusterAddsTheKillOfOneBrokerAfterTheRestartOfAnother() {
        assertThat(all(true).keySet()).hasSize(19).containsSubsequence("broker-restart", "broker-kill", "database-cut");
        assertThat(all).doesNotContainKey("broker-kill").doesNotContainKey("scale-all");
    }

    /** Two of everything, one broker and one instance of each killed at once: by hand only (DECISIONS 29). */
    @Test
    void everythingKilledAtOnceRunsOnlyWhenNamed() {
        assertThat(Faults.select(all(true).keySet(), List.of())).hasSize(18).doesNotContain("scale-all");
        assertThat(Faults.select(all(true).keySet(), List.of("scale-all", "baseline")))
                .containsExactly("baseline", "scale-all");
    }

    @Test
    void aSelectionRunsInTheSuitesOrderWhateverOrderItWasAskedIn() {
        assertThat(Faults.select(all.keySet(), List.of("poison", "baseline"))).containsExactly("baseline", "poison");
        assertThat(Faults.select(all.keySet(), List.of())).hasSize(17);
    }

    @Test
    void anUnknownScenarioIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Faults.select(all.keySet(), List.of("kill-gateway")))
                .hasMessageContaining("unknown scenario [kill-gateway]").hasMessageContaining("kill-booking");
    }

    private static Map<String, Fault> all(boolean brokerCluster) {
        return Faults.all(new Stack(Path.of("."), Path.of("up.log")),
                Databases.fromEnvironment(Map.of("HOUSECALL_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres")),
                null, null, brokerCluster);
    }
}
