package com.housecall.dispatch.visit;

import com.housecall.events.EventTypes;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.booking.VisitRequested;
import com.housecall.messaging.EventRejectedException;
import com.housecall.messaging.InboundEvent;
import com.housecall.messaging.Inbox;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The two Kafka consumers ({@code spring.cloud.function.definition}): thin, they check and translate the event
 * and hand it to {@link Dispatcher} inside the inbox's transaction.
 */
@Configuration(proxyBeanMethods = false)
class DispatchBindings {

    /** Absent reads as BOOK (events from before purpose existed). */
    private static final java.util.Set<String> PURPOSES = java.util.Set.of(VisitRequested.BOOK,
            VisitRequested.RESCHEDULE, VisitRequested.REPLAN);

    /**
     * {@code booking.events.v1}: {@code visit.requested} books a nurse (or moves a known visit: purpose RESCHEDULE,
     * REPLAN), {@code visit.cancelled} and
     * {@code consultation.cancelled} free them; every other type is someone else's.
     */
    @Bean
    Consumer<Message<byte[]>> visitRequests(Inbox inbox, Dispatcher dispatcher) {
        return message -> {
            switch (InboundEvent.from(message).type()) {
                case EventTypes.VISIT_REQUESTED -> inbox.receive(message,
                        event -> dispatcher.requested(checked(event, event.payload(VisitRequested.class))));
                case EventTypes.VISIT_CANCELLED -> inbox.receive(message, event -> {
                    VisitCancelled cancelled = event.payload(VisitCancelled.class);
                    sameConsultation(event, cancelled.consultationId());
                    if (cancelled.visitId() == null) {
                        throw new EventRejectedException("visit.cancelled lacks the visit id");
                    }
                    dispatcher.cancelled(cancelled.visitId());
                });
                case EventTypes.CONSULTATION_CANCELLED -> inbox.receive(message,
                        event -> dispatcher.consultationCancelled(event.consultationId()));
                default -> {
                }
            }
        };
    }

    /** {@code booking.locations.v1}: the patient's address (PHI). */
    @Bean
    Consumer<Message<byte[]>> patientLocations(Inbox inbox, Dispatcher dispatcher) {
        return message -> {
            if (!EventTypes.LOCATION_UPDATED.equals(InboundEvent.from(message).type())) {
                return;
            }
            inbox.receive(message, event -> {
                LocationUpdated location = event.payload(LocationUpdated.class);
                sameConsultation(event, location.consultationId());
                zone(location.timeZone());
                dispatcher.located(location);
            });
        };
    }

    private static VisitRequested checked(InboundEvent event, VisitRequested request) {
        sameConsultation(event, request.consultationId());
        zone(request.timeZone());
        if (request.visitId() == null || request.windows() == null || request.windows().isEmpty()
                || request.requestedAt() == null || request.state() == null || request.zipPrefix() == null) {
            throw new EventRejectedException("visit.requested lacks a required field");
        }
        if (request.windows().stream().anyMatch(w -> w.start() == null || w.end() == null || w.end().isBefore(w.start()))) {
            throw new EventRejectedException("visit.requested has an invalid window");
        }
        if (request.purpose() != null && !PURPOSES.contains(request.purpose())) {
            throw new EventRejectedException("visit.requested has an unknown purpose");
        }
        return request;
    }

    private static void sameConsultation(InboundEvent event, java.util.UUID consultationId) {
        if (!event.consultationId().equals(consultationId)) {
            throw new EventRejectedException("ce_subject does not match the payload's consultation id");
        }
    }

    private static void zone(String timeZone) {
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            throw new EventRejectedException("unknown time zone");
        }
    }
}
