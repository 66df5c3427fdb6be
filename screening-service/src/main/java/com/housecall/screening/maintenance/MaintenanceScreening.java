package com.housecall.screening.maintenance;

import com.housecall.clinical.Phq9;
import com.housecall.events.booking.Phq9Answers;
import com.housecall.screening.cases.Withdrawals;
import com.housecall.screening.rules.Outcome;
import com.housecall.screening.rules.Reason;
import com.housecall.screening.rules.Score;
import com.housecall.screening.safety.SafetyAlerts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A fresh PHQ-9 before a maintenance block (CLINICAL-RULES.md section 2) puts the case back in the clinicians'
 * queue as kind MAINTENANCE; item 9 at 1 or more starts the crisis pathway, as at intake.
 */
@Service
public class MaintenanceScreening {

    static final String REVIEW_CODE = "MAINTENANCE_PHQ9";

    private final MaintenanceCases cases;
    private final SafetyAlerts safetyAlerts;
    private final Withdrawals withdrawals;
    private final Clock clock;

    MaintenanceScreening(MaintenanceCases cases, SafetyAlerts safetyAlerts, Withdrawals withdrawals, Clock clock) {
        this.cases = cases;
        this.safetyAlerts = safetyAlerts;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void screen(Phq9Answers answers) {
        if (withdrawals.isWithdrawn(answers.consultationId())) {
            return; // cancelled: a late PHQ-9 is never queued and never pages
        }
        boolean crisis = Phq9.selfHarmReported(answers.phq9());
        List<Reason> reasons = new ArrayList<>();
        if (crisis) {
            reasons.add(new Reason("PHQ9_ITEM9_POSITIVE", Outcome.CRISIS,
                    "Thoughts of self-harm were reported: a clinician must speak with the patient first.", null));
        }
        reasons.add(new Reason(REVIEW_CODE, Outcome.REVIEW,
                "A fresh PHQ-9 before a maintenance block needs a clinician's approval.", null));
        Outcome outcome = crisis ? Outcome.CRISIS : Outcome.REVIEW;
        boolean reopened = cases.reopen(answers.consultationId(), answers.submissionId(), outcome, reasons,
                Score.phq9(answers.phq9()).total(), Instant.now(clock));
        if (reopened && crisis) {
            safetyAlerts.raise(answers.consultationId());
        }
    }
}
