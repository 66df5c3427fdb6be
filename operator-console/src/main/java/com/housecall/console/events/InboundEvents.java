package com.housecall.console.events;

import com.housecall.messaging.EventHandlers;
import com.housecall.messaging.Inbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Cloud Stream consumers of the four shared topics ({@code spring.cloud.function.definition}), group
 * {@code operator-console}. Every event goes through the idempotent inbox into the {@link EventLog}, so a
 * redelivered or replayed event is stored once. The PHI topics are never bound.
 */
@Configuration(proxyBeanMethods = false)
class InboundEvents {

    @Bean
    EventHandlers bookingEvents(Inbox inbox, EventLog log) {
        return store(inbox, log);
    }

    @Bean
    EventHandlers screeningEvents(Inbox inbox, EventLog log) {
        return store(inbox, log);
    }

    @Bean
    EventHandlers dispatchEvents(Inbox inbox, EventLog log) {
        return store(inbox, log);
    }

    @Bean
    EventHandlers notificationEvents(Inbox inbox, EventLog log) {
        return store(inbox, log);
    }

    private static EventHandlers store(Inbox inbox, EventLog log) {
        return EventHandlers.through(inbox).onEveryType(log::append);
    }
}
