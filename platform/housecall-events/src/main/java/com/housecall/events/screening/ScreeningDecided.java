package com.housecall.events.screening;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code screening.decided}: a clinician settled a case in review or on safety hold. {@code decision} is
 * {@code APPROVE} or {@code DECLINE}, {@code kind} {@code INTAKE} or {@code MAINTENANCE}, {@code outcome} the
 * ruleset's outcome of the case decided ({@code REVIEW} or {@code CRISIS}), so a decline of a crisis case can point
 * to 988 again. The clinician's note is free text (PHI) and stays in screening-service.
 */
public record ScreeningDecided(UUID consultationId, @OperatorVisible Decision decision, @OperatorVisible CaseKind kind,
                               @OperatorVisible ScreeningOutcome outcome, @OperatorVisible Instant decidedAt)
        implements ConsultationEvent {

    public ScreeningDecided(UUID consultationId, Decision decision, CaseKind kind, Instant decidedAt) {
        this(consultationId, decision, kind, null, decidedAt);
    }
}
