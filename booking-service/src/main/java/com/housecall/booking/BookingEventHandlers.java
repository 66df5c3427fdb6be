package com.housecall.booking;

import com.housecall.booking.consultation.ScreeningAndDispatchEvents;
import com.housecall.booking.subscription.TaskNotifier;
import com.housecall.events.Topics;
import com.housecall.messaging.ConsultationTurns;
import com.housecall.messaging.EventHandlers;
import com.housecall.messaging.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics booking-service reads; each handler only translates and calls the domain. */
@Configuration
class BookingEventHandlers {

    /** Screening's events, then whether a referral's Task changed for its clinic's subscriptions. */
    @Bean
    EventHandlers screeningEvents(Inbox inbox, ConsultationTurns turns, ScreeningAndDispatchEvents events,
                                              TaskNotifier tasks) {
        return events.screening(inbox).inTurns(turns).then(tasks::changed);
    }

    /** booking's own events: each may have changed a referral's Task (partner subscriptions, DECISIONS 38). */
    @Bean
    EventHandlers bookingEvents(Inbox inbox, ConsultationTurns turns, TaskNotifier tasks) {
        return EventHandlers.through(inbox).inTurns(turns).onEvery(Topics.BOOKING_EVENTS, tasks::changed);
    }

    @Bean
    EventHandlers dispatchEvents(Inbox inbox, ScreeningAndDispatchEvents events) {
        return events.dispatch(inbox);
    }
}
