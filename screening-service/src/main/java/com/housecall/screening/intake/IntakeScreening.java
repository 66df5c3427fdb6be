package com.housecall.screening.intake;

import com.housecall.events.booking.IntakeSubmitted;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.events.screening.ScreeningStarted;
import com.housecall.messaging.OutboxWriter;
import com.housecall.screening.cases.Withdrawals;
import com.housecall.screening.rules.Decision;
import com.housecall.screening.rules.Intake;
import com.housecall.screening.rules.Outcome;
import com.housecall.screening.rules.Ruleset;
import com.housecall.screening.rules.Score;
import com.housecall.screening.safety.SafetyAlerts;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Screens each submitted intake once: records the decision and announces it (a crisis also raises a safety alert), in one transaction. */
@Service
public class IntakeScreening {

    private static final Logger log = LoggerFactory.getLogger(IntakeScreening.class);

    private final Ruleset ruleset;
    private final Screenings screenings;
    private final OutboxWriter outbox;
    private final SafetyAlerts safetyAlerts;
    private final Withdrawals withdrawals;
    private final Clock clock;

    IntakeScreening(Ruleset ruleset, Screenings screenings, OutboxWriter outbox, SafetyAlerts safetyAlerts,
                    Withdrawals withdrawals, Clock clock) {
        this.ruleset = ruleset;
        this.screenings = screenings;
        this.outbox = outbox;
        this.safetyAlerts = safetyAlerts;
        this.withdrawals = withdrawals;
        this.clock = clock;
    }

    /** booking.intake.v1: a first intake, screened once. */
    @Transactional
    public void screen(IntakeSubmitted submitted) {
        UUID id = submitted.consultationId();
        if (screenings.exists(id)) {
            return;
        }
        if (withdrawals.isWithdrawn(id)) {
            // the cancel overtook the intake (DECISIONS 16): nothing to screen, queue or page
            log.info("Intake of consultation {} not screened: the consultation was cancelled", id);
            return;
        }
        Instant now = Instant.now(clock);
        outbox.append(new ScreeningStarted(id, now));
        Decision decision = ruleset.decide(toIntake(submitted));
        screenings.insert(id, decision, now);
        // the ruleset ranks its own outcomes; on the wire each is the event's outcome of the same name
        ScreeningOutcome outcome = ScreeningOutcome.valueOf(decision.outcome().name());
        outbox.append(new ScreeningCompleted(id, outcome, decision.rulesetVersion(),
                decision.reasons().stream().map(r -> new ScreeningCompleted.Reason(r.code(), r.message())).toList(),
                score(decision.phq9()), score(decision.gad7()), now));
        if (decision.outcome() == Outcome.CRISIS) {
            // CLINICAL-RULES.md section 5: the on-call clinician is alerted at once, in the same transaction
            safetyAlerts.raise(id);
        }
    }

    static Intake toIntake(IntakeSubmitted s) {
        IntakeSubmitted.BloodPressure bp = s.bloodPressure();
        return new Intake(s.age(), s.phq9(), s.gad7(), s.failedAntidepressantTrials(), new HashSet<>(s.conditions()),
                s.medications(), s.alcoholUseDisorder(), s.substanceUseDisorder(), s.pregnant(), s.breastfeeding(),
                bp == null ? null : bp.systolic(), bp == null ? null : bp.diastolic(), s.inPersonEvaluationCompleted());
    }

    private static ScreeningCompleted.Score score(Score score) {
        return score == null ? null : new ScreeningCompleted.Score(score.total(), score.band());
    }
}
