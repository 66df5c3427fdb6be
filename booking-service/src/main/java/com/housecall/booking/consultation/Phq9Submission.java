package com.housecall.booking.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A fresh PHQ-9 before a maintenance block: kept in booking (PHI) and sent to screening. */
record Phq9Submission(UUID id, int block, List<Integer> answers, Instant at) {
}
