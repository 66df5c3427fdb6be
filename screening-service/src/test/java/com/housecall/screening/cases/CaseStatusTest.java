package com.housecall.screening.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.housecall.screening.rules.Outcome;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

    @Test
    void onlyOutcomesThatNeedAClinicianOpenACase() {
        assertThat(CaseStatus.afterScreening(Outcome.REVIEW)).isEqualTo(CaseStatus.OPEN);
        assertThat(CaseStatus.afterScreening(Outcome.CRISIS)).isEqualTo(CaseStatus.OPEN);
        assertThat(CaseStatus.afterScreening(Outcome.ELIGIBLE)).isEqualTo(CaseStatus.DECIDED);
        assertThat(CaseStatus.afterScreening(Outcome.INELIGIBLE)).isEqualTo(CaseStatus.DECIDED);
    }

    @Test
    void anOpenCaseIsDecidedOrWithdrawnAndThenStaysSo() {
        assertThat(CaseStatus.OPEN.decided()).isEqualTo(CaseStatus.DECIDED);
        assertThat(CaseStatus.OPEN.withdrawn()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(CaseStatus.DECIDED.withdrawn()).isEqualTo(CaseStatus.DECIDED);
        assertThat(CaseStatus.WITHDRAWN.withdrawn()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThatThrownBy(CaseStatus.WITHDRAWN::decided).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(CaseStatus.DECIDED::decided).isInstanceOf(IllegalStateException.class);
        assertThat(CaseStatus.OPEN.awaitsDecision()).isTrue();
        assertThat(CaseStatus.WITHDRAWN.awaitsDecision()).isFalse();
    }

    @Test
    void aWithdrawnCaseNeverComesBackForMaintenance() {
        assertThat(CaseStatus.DECIDED.reopenable()).isTrue();
        assertThat(CaseStatus.WITHDRAWN.reopenable()).isFalse();
    }

    @Test
    void theQueueShowsAnOpenedCaseAsBookingWillHoldIt() {
        assertThat(CaseStatus.shownStatus(Outcome.CRISIS)).isEqualTo("SAFETY_HOLD");
        assertThat(CaseStatus.shownStatus(Outcome.REVIEW)).isEqualTo("IN_REVIEW");
        assertThat(CaseStatus.shownStatus(Outcome.ELIGIBLE)).isNull();
    }
}
