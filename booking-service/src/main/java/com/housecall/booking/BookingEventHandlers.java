package com.housecall.booking;

import com.housecall.booking.consultation.ScreeningAndDispatchEvents;
import com.housecall.messaging.Inbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The topics booking-service reads; each handler only translates and calls the domain. */
@Configuration
class BookingEventHandlers {

    @Bean
    Consumer<Message<byte[]>> screeningEvents(Inbox inbox, ScreeningAndDispatchEvents events) {
        return events.screening(inbox);
    }

    @Bean
    Consumer<Message<byte[]>> dispatchEvents(Inbox inbox, ScreeningAndDispatchEvents events) {
        return events.dispatch(inbox);
    }
}
