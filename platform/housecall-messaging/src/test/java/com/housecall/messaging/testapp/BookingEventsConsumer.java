package com.housecall.messaging.testapp;

import com.housecall.events.booking.ConsultationRequested;
import com.housecall.messaging.EventHandlers;
import com.housecall.messaging.Inbox;
import io.micrometer.tracing.Tracer;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * {@code bookingEvents-in-0} on booking.events.v1, through the typed way in; a
 * {@code consultation.requested} adds a {@code thing} row, unless its source is {@code FAIL}, where the handler
 * throws with PHI-like text in the message, as careless code would. With source {@code TRACED} the handler notes
 * the span it runs in and appends a follow-up event, as a service carries a trace on.
 */
@Configuration(proxyBeanMethods = false)
public class BookingEventsConsumer {

    public static final String FAILING_SOURCE = "FAIL";
    public static final String PHI_LIKE_MESSAGE = "patient Ada Lovelace failed";
    public static final String TRACED_SOURCE = "TRACED";

    /** How many times each record key was delivered to the handler, so tests can count retries. */
    @Bean
    Deliveries deliveries() {
        return new Deliveries();
    }

    @Bean
    ExportedSpans exportedSpans() {
        return new ExportedSpans();
    }

    @Bean
    HandlerSpans handlerSpans() {
        return new HandlerSpans();
    }

    @Bean
    Consumer<Message<List<byte[]>>> bookingEvents(Inbox inbox, Things things, Deliveries deliveries, Tracer tracer,
                                            HandlerSpans spans) {
        EventHandlers handlers = EventHandlers.through(inbox).on(ConsultationRequested.class, requested -> {
            if (FAILING_SOURCE.equals(requested.source())) {
                throw new RuntimeException(PHI_LIKE_MESSAGE);
            }
            things.insert(requested.consultationId());
            if (TRACED_SOURCE.equals(requested.source())) {
                spans.record(requested.consultationId(), tracer.currentSpan());
                things.followUp(requested.consultationId());
            }
        });
        return poll -> {
            deliveries.record(poll);
            handlers.accept(poll);
        };
    }
}
