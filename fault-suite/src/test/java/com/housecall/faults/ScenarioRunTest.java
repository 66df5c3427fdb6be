package com.housecall.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScenarioRunTest {

    private static final long S = 1_000_000_000L;

    @Test
    void theLongestStallCountsFromTheFaultToTheFirstTerminalAndBetweenTheOthers() {
        long[] terminalAt = {5 * S, 9 * S, 12 * S, 25 * S, 27 * S};

        assertThat(ScenarioRun.longestStall(terminalAt, 10 * S)).isEqualTo(13 * S);
        assertThat(ScenarioRun.longestStall(terminalAt, 0)).isEqualTo(13 * S);
    }

    @Test
    void nothingTerminalAfterTheFaultIsNoStallToMeasure() {
        assertThat(ScenarioRun.longestStall(new long[] {S}, 10 * S)).isZero();
    }

    @Test
    void thePipelineFlowsAgainAtTheFirstTerminalAfterTheFaultEnded() {
        long[] terminalAt = {5 * S, 9 * S, 31 * S, 25 * S, 40 * S};

        assertThat(ScenarioRun.resumedAfter(terminalAt, 22 * S)).isEqualTo(3 * S);
        assertThat(ScenarioRun.resumedAfter(terminalAt, 25 * S)).isZero();
        assertThat(ScenarioRun.resumedAfter(terminalAt, 41 * S)).isEqualTo(-1);
    }
}
