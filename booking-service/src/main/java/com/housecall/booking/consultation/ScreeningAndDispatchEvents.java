package com.housecall.booking.consultation;

import com.housecall.events.EventTypes;
import com.housecall.events.dispatch.VisitRescheduleFailed;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.messaging.InboundEvent;
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

    public void onScreeningEvent(InboundEvent event) {
        switch (event.type()) {
            case EventTypes.SCREENING_STARTED -> service.screeningStarted(event.consultationId(), event.time());
            case EventTypes.SCREENING_COMPLETED ->
                    service.screeningCompleted(event.payload(ScreeningCompleted.class), event.time());
            case EventTypes.SCREENING_DECIDED ->
                    service.screeningDecided(event.payload(ScreeningDecided.class), event.time());
            default -> { }
        }
    }

    public void onDispatchEvent(InboundEvent event) {
        switch (event.type()) {
            case EventTypes.VISIT_SCHEDULED -> dispatch.visitScheduled(event.payload(VisitScheduled.class), event.time());
            case EventTypes.VISIT_UNSCHEDULABLE ->
                    dispatch.visitUnschedulable(event.payload(VisitUnschedulable.class), event.time());
            case EventTypes.VISIT_RESCHEDULE_FAILED ->
                    dispatch.rescheduleFailed(event.payload(VisitRescheduleFailed.class), event.time());
            case EventTypes.VISIT_STATUS_CHANGED ->
                    dispatch.visitStatusChanged(event.payload(VisitStatusChanged.class), event.time());
            default -> { }
        }
    }
}
