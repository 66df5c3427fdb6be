package com.housecall.notification.message;

import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.BookingUnfulfilled;
import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.booking.ContactUpdated;
import com.housecall.events.booking.PersonalDataErased;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.dispatch.VisitEscalated;
import com.housecall.events.dispatch.VisitRescheduleFailed;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.events.screening.SafetyAlert;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.messaging.ConsultationTurns;
import com.housecall.messaging.EventHandlers;
import com.housecall.messaging.Inbox;
import com.housecall.notification.contact.Contacts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring Cloud Stream consumers ({@code spring.cloud.function.definition}): each event goes through the
 * idempotent inbox to {@link MessageIntake} or {@link VisitIntake}, one transaction at a time per consultation
 * ({@link ConsultationTurns}): a contact and a message handled at the same moment would each miss the other's row.
 * Types this service does not act on are skipped unrecorded.
 */
@Configuration(proxyBeanMethods = false)
class InboundEvents {

    /** {@code booking.contacts.v1}. */
    @Bean
    EventHandlers bookingContacts(Inbox inbox, ConsultationTurns turns, MessageIntake intake) {
        return EventHandlers.through(inbox).inTurns(turns).on(ContactUpdated.class, intake::contactUpdated);
    }

    /** {@code booking.events.v1}. */
    @Bean
    EventHandlers bookingEvents(Inbox inbox, ConsultationTurns turns, MessageIntake intake,
                                            VisitIntake visits, Contacts contacts) {
        return EventHandlers.through(inbox).inTurns(turns)
                .onWithEnvelope(ConsultationRequested.class, intake::consultationRequested)
                .onWithEnvelope(ConsultationHeld.class, intake::consultationHeld)
                .onWithEnvelope(BookingConfirmed.class, visits::bookingConfirmed)
                .onWithEnvelope(BookingUnfulfilled.class, visits::bookingUnfulfilled)
                .on(VisitCancelled.class, visits::visitCancelled)
                .on(ConsultationCancelled.class, intake::consultationCancelled)
                .on(PersonalDataErased.class, erased -> contacts.erase(erased.consultationId()));
    }

    /** {@code screening.events.v1}. */
    @Bean
    EventHandlers screeningEvents(Inbox inbox, ConsultationTurns turns, MessageIntake intake) {
        return EventHandlers.through(inbox).inTurns(turns)
                .onWithEnvelope(ScreeningCompleted.class, intake::screeningCompleted)
                .onWithEnvelope(ScreeningDecided.class, intake::screeningDecided)
                .on(SafetyAlert.class, intake::safetyAlert);
    }

    /** {@code dispatch.events.v1}. */
    @Bean
    EventHandlers dispatchEvents(Inbox inbox, ConsultationTurns turns, VisitIntake visits,
                                             MessageIntake intake) {
        return EventHandlers.through(inbox).inTurns(turns)
                .onWithEnvelope(VisitScheduled.class, visits::visitScheduled)
                .on(VisitUnschedulable.class, visits::visitUnschedulable)
                .onWithEnvelope(VisitRescheduleFailed.class, visits::visitRescheduleFailed)
                .on(VisitStatusChanged.class, visits::visitStatusChanged)
                .on(VisitEscalated.class, intake::visitEscalated);
    }
}
