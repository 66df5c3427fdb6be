package com.housecall.events.booking;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import com.housecall.events.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code visit.requested}: booking asks dispatch for a nurse and a start inside one of the windows. {@code purpose}:
 * {@link VisitPurpose#BOOK} (a new visit; absent reads as BOOK), {@link VisitPurpose#RESCHEDULE} (the patient or an
 * operator asked to move a known visit: it keeps its time until a new one is booked, else
 * {@code visit.reschedule-failed}) or {@link VisitPurpose#REPLAN} (booking's next-day fallback for a visit that was
 * UNSCHEDULABLE: else {@code visit.unschedulable} again).
 */
public record VisitRequested(UUID consultationId, @OperatorVisible UUID visitId, @OperatorVisible int sequence,
                             @OperatorVisible VisitPhase phase, @OperatorVisible List<TimeWindow> windows,
                             @OperatorVisible String state, @OperatorVisible String zipPrefix,
                             @OperatorVisible String timeZone, @OperatorVisible Instant requestedAt,
                             @OperatorVisible VisitPurpose purpose) implements ConsultationEvent {

    /** A new visit. */
    public VisitRequested(UUID consultationId, UUID visitId, int sequence, VisitPhase phase, List<TimeWindow> windows,
                          String state, String zipPrefix, String timeZone, Instant requestedAt) {
        this(consultationId, visitId, sequence, phase, windows, state, zipPrefix, timeZone, requestedAt,
                VisitPurpose.BOOK);
    }
}
