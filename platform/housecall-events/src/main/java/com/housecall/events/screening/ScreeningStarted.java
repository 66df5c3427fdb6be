package com.housecall.events.screening;

import com.housecall.events.ConsultationEvent;
import java.time.Instant;
import java.util.UUID;

/** {@code screening.started}: screening-service has the intake. */
public record ScreeningStarted(UUID consultationId, Instant startedAt) implements ConsultationEvent {
}
