package com.housecall.clinical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class Phq9Test {

    @Test
    void item9AnsweredOneOrMoreIsTheCrisisPathwayWhateverTheOtherItemsSay() {
        assertThat(Phq9.selfHarmReported(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1))).isTrue();
        assertThat(Phq9.selfHarmReported(List.of(0, 0, 0, 0, 0, 0, 0, 0, 3))).isTrue();
        assertThat(Phq9.selfHarmReported(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0))).isFalse();
    }

    @Test
    void anythingButNineAnswersIsRefusedRatherThanReadAsNoCrisis() {
        assertThatThrownBy(() -> Phq9.selfHarmReported(List.of(0, 0, 0, 0, 0, 0, 0, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void conditionCodesAreKnownOnlyExactlyAsWritten() {
        assertThat(Condition.isKnown("KETAMINE_ALLERGY")).isTrue();
        assertThat(Condition.isKnown("ketamine_allergy")).isFalse();
        assertThat(Condition.isKnown("BROKEN_LEG")).isFalse();
    }
}
