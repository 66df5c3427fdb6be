package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import java.time.Instant;
import java.util.UUID;

/** {@code booking.completed}: the last planned visit ended and no block is pending. */
public record BookingCompleted(UUID consultationId, int visitsCompleted, Instant completedAt) implements ConsultationEvent {
}
