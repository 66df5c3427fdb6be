package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code booking.confirmed}: the first visit has a nurse. {@code courseVisits} is how many visits the planned course
 * holds (6 for induction), so the confirmation can say how many more follow; absent in older events.
 */
public record BookingConfirmed(UUID consultationId, @OperatorVisible UUID visitId,
                               @OperatorVisible OffsetDateTime start, @OperatorVisible OffsetDateTime end,
                               @OperatorVisible String nurseDisplayName, @OperatorVisible String timeZone,
                               @OperatorVisible Integer courseVisits) implements ConsultationEvent {

    public BookingConfirmed(UUID consultationId, UUID visitId, OffsetDateTime start, OffsetDateTime end,
                            String nurseDisplayName, String timeZone) {
        this(consultationId, visitId, start, end, nurseDisplayName, timeZone, null);
    }
}
