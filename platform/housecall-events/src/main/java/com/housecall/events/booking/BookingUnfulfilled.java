package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/** {@code booking.unfulfilled}: no nurse could take any preferred window of the first visit; new windows may follow. */
public record BookingUnfulfilled(UUID consultationId, @OperatorVisible UUID visitId, @OperatorVisible String reason,
                                 @OperatorVisible Instant at) implements ConsultationEvent {
}
