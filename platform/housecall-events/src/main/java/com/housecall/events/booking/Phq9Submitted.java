package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code phq9.submitted} on the shared topic: the patient answered a fresh PHQ-9 before maintenance block
 * {@code block} (1 = the first block after induction). No answers here: they go to screening-service alone as
 * {@link Phq9Answers} on booking.intake.v1, with the same {@code submissionId}.
 */
public record Phq9Submitted(UUID consultationId, @OperatorVisible UUID submissionId, @OperatorVisible int block,
                            @OperatorVisible Instant submittedAt) implements ConsultationEvent {
}
