package com.housecall.console.events;

import com.housecall.messaging.Inbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Spring Cloud Stream consumers of the four shared topics ({@code spring.cloud.function.definition}), group
 * {@code operator-console}. Every event goes through the idempotent inbox into the {@link EventLog}, so a
 * redelivered or replayed event is stored once. The PHI topics are never bound.
 */
@Configuration(proxyBeanMethods = false)
class InboundEvents {

    @Bean
    Consumer<Message<byte[]>> bookingEvents(Inbox inbox, EventLog log) {
        return store(inbox, log);
    }

    @Bean
    Consumer<Message<byte[]>> screeningEvents(Inbox inbox, EventLog log) {
        return store(inbox, log);
    }

    @Bean
    Consumer<Message<byte[]>> dispatchEvents(Inbox inbox, EventLog log) {
        return store(inbox, log);
    }

    @Bean
    Consumer<Message<byte[]>> notificationEvents(Inbox inbox, EventLog log) {
        return store(inbox, log);
    }

    private static Consumer<Message<byte[]>> store(Inbox inbox, EventLog log) {
        return message -> inbox.receive(message, log::append);
    }
}
