package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code phq9.answers} on the PHI topic booking.intake.v1, read by screening-service only: the answers of the
 * fresh PHQ-9 announced by {@link Phq9Submitted} with the same {@code submissionId}, for a MAINTENANCE review.
 */
public record Phq9Answers(UUID consultationId, UUID submissionId, int block, String timeZone, List<Integer> phq9,
                          Instant submittedAt) implements ConsultationEvent {
}
