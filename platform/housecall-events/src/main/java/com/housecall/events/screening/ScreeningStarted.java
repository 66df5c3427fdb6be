package com.housecall.events.screening;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/** {@code screening.started}: screening-service has the intake. */
public record ScreeningStarted(UUID consultationId, @OperatorVisible Instant startedAt) implements ConsultationEvent {
}
