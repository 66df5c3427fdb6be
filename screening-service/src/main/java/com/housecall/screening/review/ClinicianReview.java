package com.housecall.screening.review;

import com.housecall.events.screening.CaseKind;
import com.housecall.events.screening.Decision;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.events.screening.ScreeningOutcome;
import com.housecall.messaging.OutboxWriter;
import com.housecall.screening.Paging;
import com.housecall.screening.cases.CaseStatus;
import com.housecall.security.problem.ConflictException;
import com.housecall.security.problem.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinician settles an open case, in review or on safety hold (CONTRACT.md section 6): one decision per case,
 * audited, announced as {@code screening.decided} in the same transaction. The case becomes DECIDED; what that
 * means for the consultation (scheduling, INELIGIBLE, the course ends) is booking's to decide and announce.
 */
@Service
class ClinicianReview {

    private final ReviewCases cases;
    private final OutboxWriter outbox;
    private final Clock clock;

    ClinicianReview(ReviewCases cases, OutboxWriter outbox, Clock clock) {
        this.cases = cases;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ReviewItem.Page queue(int page, int size) {
        return new ReviewItem.Page(cases.queue(page, size), page, size, cases.queueSize());
    }

    /** The audit of one screened case; an unknown or unscreened consultation is 404. */
    @Transactional(readOnly = true)
    DecisionRecord.Page decisions(UUID consultationId, Paging paging) {
        if (!cases.exists(consultationId)) {
            throw new NotFoundException();
        }
        return new DecisionRecord.Page(cases.decisions(consultationId, paging), paging.page(), paging.size(),
                cases.decisionCount(consultationId));
    }

    @Transactional
    ReviewItem decide(UUID consultationId, Decision verdict, String note, String clinician) {
        ReviewCases.Case found = cases.findForUpdate(consultationId).orElseThrow(NotFoundException::new);
        ReviewItem item = found.item();
        CaseStatus caseStatus = CaseStatus.valueOf(item.caseStatus());
        if (caseStatus == CaseStatus.WITHDRAWN) {
            throw new ConflictException("This consultation was cancelled: its case is withdrawn.");
        }
        if (item.decision() != null) {
            throw new ConflictException("This case has already been decided.");
        }
        if (!caseStatus.awaitsDecision()) {
            throw new ConflictException("This case is not awaiting a clinician's decision.");
        }
        if (verdict == Decision.APPROVE && found.hasIneligibleReason()) {
            throw new ConflictException("A case with an exclusion can only be declined.");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        CaseStatus decided = caseStatus.decided();
        cases.decide(consultationId, verdict.name(), decided, now);
        cases.audit(consultationId, verdict.name(), note, clinician, now);
        outbox.append(new ScreeningDecided(consultationId, verdict, CaseKind.valueOf(item.kind()),
                ScreeningOutcome.valueOf(item.outcome()), now));
        return new ReviewItem(item.consultationId(), item.status(), decided.name(), item.outcome(), item.kind(),
                item.createdAt(), item.reasons(), item.phq9(), item.gad7(),
                new ReviewItem.DecisionView(verdict.name(), now));
    }
}
