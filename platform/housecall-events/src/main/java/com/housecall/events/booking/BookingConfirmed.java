package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code booking.confirmed}: the first visit has a nurse. */
public record BookingConfirmed(UUID consultationId, UUID visitId, OffsetDateTime start, OffsetDateTime end,
                               String nurseDisplayName, String timeZone) implements ConsultationEvent {
}
