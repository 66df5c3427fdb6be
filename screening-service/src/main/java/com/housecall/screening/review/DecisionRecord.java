package com.housecall.screening.review;

import java.time.Instant;
import java.util.List;

/**
 * One audited decision as clinicians read it back (DECISIONS 37): the note is free text a clinician wrote and is
 * served to clinicians only, never put on a topic.
 */
record DecisionRecord(String decision, String note, String decidedBy, Instant decidedAt) {

    record Page(List<DecisionRecord> items, int page, int size, long totalItems) {
    }
}
