package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code consultation.requested} on booking.events.v1: no PHI, only where and when. {@code clinicId} is the referring
 * clinic's client id ({@code azp}) for a referral, null for a patient's own request (DECISIONS 39).
 */
public record ConsultationRequested(UUID consultationId, @OperatorVisible String source, @OperatorVisible String state,
                                    @OperatorVisible String zipPrefix, @OperatorVisible String timeZone,
                                    @OperatorVisible Instant requestedAt, @OperatorVisible String clinicId)
        implements ConsultationEvent {

    /** A patient's own request: no clinic. */
    public ConsultationRequested(UUID consultationId, String source, String state, String zipPrefix, String timeZone,
                                 Instant requestedAt) {
        this(consultationId, source, state, zipPrefix, timeZone, requestedAt, null);
    }
}
