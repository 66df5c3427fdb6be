package com.housecall.booking.consultation;

import com.housecall.events.dispatch.VisitRescheduleFailed;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.events.screening.ScreeningStarted;
import com.housecall.messaging.EventHandlers;
import com.housecall.messaging.Inbox;
import org.springframework.stereotype.Component;

/** Screening results and dispatch outcomes move the consultation on; other types are not booking's concern. */
@Component
public class ScreeningAndDispatchEvents {

    private final ConsultationService service;
    private final DispatchOutcomes dispatch;

    ScreeningAndDispatchEvents(ConsultationService service, DispatchOutcomes dispatch) {
        this.service = service;
        this.dispatch = dispatch;
    }

    /** {@code screening.events.v1}. */
    public EventHandlers screening(Inbox inbox) {
        return EventHandlers.through(inbox)
                .onWithEnvelope(ScreeningStarted.class,
                        (started, event) -> service.screeningStarted(started.consultationId(), Heard.of(event)))
                .onWithEnvelope(ScreeningCompleted.class,
                        (completed, event) -> service.screeningCompleted(completed, Heard.of(event)))
                .onWithEnvelope(ScreeningDecided.class,
                        (decided, event) -> service.screeningDecided(decided, Heard.of(event)));
    }

    /** {@code dispatch.events.v1}. */
    public EventHandlers dispatch(Inbox inbox) {
        return EventHandlers.through(inbox)
                .onWithEnvelope(VisitScheduled.class,
                        (scheduled, event) -> dispatch.visitScheduled(scheduled, Heard.of(event)))
                .onWithEnvelope(VisitUnschedulable.class,
                        (unschedulable, event) -> dispatch.visitUnschedulable(unschedulable, Heard.of(event)))
                .onWithEnvelope(VisitRescheduleFailed.class,
                        (failed, event) -> dispatch.rescheduleFailed(failed, Heard.of(event)))
                .onWithEnvelope(VisitStatusChanged.class,
                        (changed, event) -> dispatch.visitStatusChanged(changed, Heard.of(event)));
    }
}
