package com.housecall.dispatch.visit;

import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.PersonalDataErased;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.booking.VisitLocation;
import com.housecall.events.booking.VisitRequested;
import com.housecall.messaging.EventHandlers;
import com.housecall.messaging.EventRejectedException;
import com.housecall.messaging.Inbox;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two Kafka consumers ({@code spring.cloud.function.definition}): thin, they check and translate the event
 * and hand it to {@link Dispatcher} inside the inbox's transaction.
 */
@Configuration(proxyBeanMethods = false)
class DispatchBindings {

    /**
     * {@code booking.events.v1}: {@code visit.cancelled} and {@code consultation.cancelled} free the nurses,
     * {@code personal-data.erased} drops the address; every other type is someone else's (visit requests come with
     * their address on booking.locations.v1).
     */
    @Bean
    EventHandlers bookingEvents(Inbox inbox, Dispatcher dispatcher, PatientLocations locations) {
        return EventHandlers.through(inbox)
                .on(VisitCancelled.class, cancelled -> {
                    if (cancelled.visitId() == null) {
                        throw new EventRejectedException("visit.cancelled lacks the visit id");
                    }
                    dispatcher.cancelled(cancelled.consultationId(), cancelled.visitId());
                })
                .on(ConsultationCancelled.class, cancelled -> dispatcher.consultationCancelled(
                        cancelled.consultationId()))
                .on(PersonalDataErased.class, erased -> locations.erase(erased.consultationId()));
    }

    /**
     * {@code booking.locations.v1} (PHI): {@code visit.location} books a nurse (or moves a known visit: purpose
     * RESCHEDULE, REPLAN) at the address it carries; {@code location.updated} keeps the address current.
     */
    @Bean
    EventHandlers bookingLocations(Inbox inbox, Dispatcher dispatcher) {
        return EventHandlers.through(inbox)
                .on(VisitLocation.class, location -> dispatcher.requested(checked(location)))
                .on(LocationUpdated.class, location -> dispatcher.located(address(location)));
    }

    private static VisitLocation checked(VisitLocation location) {
        if (location.visit() == null || location.address() == null
                || !location.consultationId().equals(location.visit().consultationId())
                || !location.consultationId().equals(location.address().consultationId())) {
            throw new EventRejectedException("visit.location is incomplete or names another consultation");
        }
        checked(location.visit());
        address(location.address());
        return location;
    }

    private static LocationUpdated address(LocationUpdated location) {
        zone(location.timeZone());
        return location;
    }

    private static VisitRequested checked(VisitRequested request) {
        zone(request.timeZone());
        if (request.visitId() == null || request.windows() == null || request.windows().isEmpty()
                || request.requestedAt() == null || request.state() == null || request.zipPrefix() == null) {
            throw new EventRejectedException("visit.requested lacks a required field");
        }
        if (request.windows().stream().anyMatch(w -> w.start() == null || w.end() == null || w.end().isBefore(w.start()))) {
            throw new EventRejectedException("visit.requested has an invalid window");
        }
        return request;
    }

    private static void zone(String timeZone) {
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            throw new EventRejectedException("unknown time zone");
        }
    }
}
