package com.housecall.screening.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case as clinicians see it (CONTRACT.md section 6). {@code status} is the consultation's status as screening last
 * heard it from booking (a read model); {@code caseStatus} is screening's own OPEN, DECIDED or WITHDRAWN
 * (DECISIONS 18). Reasons carry the clinician-only detail (the drug and its class, say) as their message;
 * {@code decision} is null until a clinician decides.
 */
record ReviewItem(UUID consultationId, String status, String caseStatus, String outcome, String kind, Instant createdAt,
                  List<ReasonView> reasons, ScoreView phq9, ScoreView gad7, DecisionView decision) {

    record ReasonView(String code, String message) {
    }

    record ScoreView(int total, String band) {
    }

    record DecisionView(String decision, Instant at) {
    }

    record Page(List<ReviewItem> items, int page, int size, long totalItems) {
    }
}
