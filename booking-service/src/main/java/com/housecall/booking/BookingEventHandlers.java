package com.housecall.booking;

import com.housecall.messaging.Inbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The topics booking-service reads; each handler only translates and calls the domain. */
@Configuration
class BookingEventHandlers {

    @Bean
    Consumer<Message<byte[]>> screeningEvents(Inbox inbox, com.housecall.booking.consultation.ScreeningAndDispatchEvents events) {
        return message -> inbox.receive(message, events::onScreeningEvent);
    }

    @Bean
    Consumer<Message<byte[]>> dispatchEvents(Inbox inbox, com.housecall.booking.consultation.ScreeningAndDispatchEvents events) {
        return message -> inbox.receive(message, events::onDispatchEvent);
    }
}
