package com.housecall.screening.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.events.screening.ScreeningOutcome;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The ruleset ranks its own outcomes (plain Java); on the wire each is the event's ScreeningOutcome of that name. */
class OutcomeVocabularyTest {

    @Test
    void theRulesetsOutcomesAreExactlyTheEventsOutcomes() {
        assertThat(Arrays.stream(Outcome.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(ScreeningOutcome.values()).map(Enum::name).toList());
    }
}
