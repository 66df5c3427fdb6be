package com.housecall.events.dispatch;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.OperatorVisible;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * {@code visit.scheduled}: a nurse and a start; sent again with the same visitId when a visit moves. {@code cause}
 * says why: {@link ScheduleCause#BOOKED} (the visit's first nurse), {@link ScheduleCause#RESCHEDULED} (the patient or
 * an operator asked for new windows), {@link ScheduleCause#REDISPATCHED} (the nurse declined, was late, went inactive
 * or unavailable) or {@link ScheduleCause#REASSIGNED} (an operator chose the nurse). {@code previousStart} is the
 * start before the move (absent when BOOKED, or when the visit had none: it was UNSCHEDULABLE); {@code nurseChanged}
 * whether the nurse is another one.
 */
public record VisitScheduled(UUID consultationId, @OperatorVisible UUID visitId, @OperatorVisible int sequence,
                             @OperatorVisible UUID nurseId, @OperatorVisible String nurseDisplayName,
                             @OperatorVisible OffsetDateTime start, @OperatorVisible OffsetDateTime end,
                             @OperatorVisible String timeZone, @OperatorVisible ScheduleCause cause,
                             @OperatorVisible OffsetDateTime previousStart, @OperatorVisible Boolean nurseChanged)
        implements ConsultationEvent {

    /** A visit's first booking. */
    public VisitScheduled(UUID consultationId, UUID visitId, int sequence, UUID nurseId, String nurseDisplayName,
                          OffsetDateTime start, OffsetDateTime end, String timeZone) {
        this(consultationId, visitId, sequence, nurseId, nurseDisplayName, start, end, timeZone, ScheduleCause.BOOKED,
                null, false);
    }
}
