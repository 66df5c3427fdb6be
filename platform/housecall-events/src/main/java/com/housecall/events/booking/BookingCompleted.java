package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/** {@code booking.completed}: the last planned visit ended and no block is pending. */
public record BookingCompleted(UUID consultationId, @OperatorVisible int visitsCompleted,
                               @OperatorVisible Instant completedAt) implements ConsultationEvent {
}
