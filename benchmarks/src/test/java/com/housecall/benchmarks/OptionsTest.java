package com.housecall.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Path STATE = Path.of("/tmp/state");

    @Test
    void theFullRunIsFiftyASecondForAMinuteAndShortIsAboutThirtySeconds() {
        Options full = Options.parse(List.of(), Map.of(), STATE);
        Options quick = Options.parse(List.of("--short"), Map.of(), STATE);

        assertThat(full.count()).isEqualTo(3000);
        assertThat(quick.quick()).isTrue();
        assertThat(quick.duration()).isEqualTo(Duration.ofSeconds(15));
        assertThat(quick.reports()).isEqualTo(STATE.resolve("bench"));
        assertThat(full.rosterPerState()).as("the roster as it is, without --roster").isZero();
    }

    @Test
    void rosterAsksForThatManyExtraNursesAStateBesideTheOtherOptions() {
        Options options = Options.parse(List.of("--short", "--roster", "3", "--rate", "2"), Map.of(), STATE);

        assertThat(options.rosterPerState()).isEqualTo(3);
        assertThat(options.rate()).isEqualTo(2);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void rosterTakesAWholeNumberFromOneToAThousand() {
        assertThat(Options.parse(List.of("--roster", "1000"), Map.of(), STATE).rosterPerState()).isEqualTo(1000);
        for (String wrong : List.of("0", "-2", "1.5", "1001", "two")) {
            assertThatThrownBy(() -> Options.parse(List.of("--roster", wrong), Map.of(), STATE))
                    .as(wrong).hasMessageContaining("--roster must be");
        }
        assertThatThrownBy(() -> Options.parse(List.of("--roster"), Map.of(), STATE))
                .hasMessageContaining("--roster needs a value");
    }

    @Test
    void rateDurationAndPortsAreTheCallersAndTheLaunchers() {
        Options options = Options.parse(List.of("--rate", "10", "--duration", "30"),
                Map.of("HOUSECALL_GATEWAY_PORT", "18080", "HOUSECALL_KAFKA_PORT", "19092"), STATE);

        assertThat(options.count()).isEqualTo(300);
        assertThat(options.gateway()).isEqualTo("http://localhost:18080");
        assertThat(options.bootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(options.keycloak()).isEqualTo("http://localhost:8180");
    }

    @Test
    void aThreeBrokerClusterIsReachedThroughEachOfItsNodes() {
        Options options = Options.parse(List.of(), Map.of("HOUSECALL_KAFKA_BROKERS", "3",
                "HOUSECALL_KAFKA_3_PORT", "19292"), STATE);

        assertThat(options.bootstrap()).isEqualTo("127.0.0.1:9092,127.0.0.1:9192,127.0.0.1:19292");
    }

    @Test
    void aWrongOptionIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> Options.parse(List.of("--rate", "-1"), Map.of(), STATE))
                .hasMessageContaining("--rate must be a positive number");
        assertThatThrownBy(() -> Options.parse(List.of("--duration"), Map.of(), STATE))
                .hasMessageContaining("--duration needs a value");
        assertThatThrownBy(() -> Options.parse(List.of("--fast"), Map.of(), STATE))
                .hasMessageContaining(Options.USAGE);
    }
}
