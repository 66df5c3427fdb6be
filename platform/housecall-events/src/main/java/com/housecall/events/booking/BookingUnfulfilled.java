package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import java.time.Instant;
import java.util.UUID;

/** {@code booking.unfulfilled}: no nurse could take any preferred window of the first visit; new windows may follow. */
public record BookingUnfulfilled(UUID consultationId, UUID visitId, String reason, Instant at) implements ConsultationEvent {
}
