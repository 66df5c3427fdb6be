package com.housecall.notification.message;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.EventTypes;
import com.housecall.messaging.Inbox;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Spring Cloud Stream consumers ({@code spring.cloud.function.definition}): each event goes through the
 * idempotent inbox to {@link MessageIntake}. Types this service does not act on yet are skipped unrecorded; a
 * record without {@code ce_type} goes to the inbox, which rejects it (dead letter).
 */
@Configuration(proxyBeanMethods = false)
class InboundEvents {

    /** {@code booking.contacts.v1}: {@code contact.updated}. */
    @Bean
    Consumer<Message<byte[]>> contactUpdated(Inbox inbox, MessageIntake intake) {
        return message -> {
            if (handles(message, EventTypes.CONTACT_UPDATED)) {
                inbox.receive(message, intake::contactUpdated);
            }
        };
    }

    /** {@code booking.events.v1}: {@code booking.confirmed} for now. */
    @Bean
    Consumer<Message<byte[]>> bookingEvents(Inbox inbox, MessageIntake intake) {
        return message -> {
            if (handles(message, EventTypes.BOOKING_CONFIRMED)) {
                inbox.receive(message, intake::bookingConfirmed);
            }
        };
    }

    private static boolean handles(Message<byte[]> message, String handledType) {
        Object type = message.getHeaders().get(CloudEventHeaders.TYPE);
        return type == null || handledType.equals(type instanceof byte[] bytes ? new String(bytes, UTF_8) : type);
    }
}
