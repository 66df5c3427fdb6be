package com.housecall.notification.message;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.EventTypes;
import com.housecall.messaging.ConsultationTurns;
import com.housecall.messaging.InboundEvent;
import com.housecall.messaging.Inbox;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Spring Cloud Stream consumers ({@code spring.cloud.function.definition}): each event goes through the
 * idempotent inbox to {@link MessageIntake}, one transaction at a time per consultation ({@link ConsultationTurns}).
 * Types this service does not act on are skipped unrecorded; a record without {@code ce_type} goes to the inbox,
 * which rejects it (dead letter).
 */
@Configuration(proxyBeanMethods = false)
class InboundEvents {

    /** {@code booking.contacts.v1}: {@code contact.updated}. */
    @Bean
    Consumer<Message<byte[]>> contactUpdated(Inbox inbox, ConsultationTurns turns, MessageIntake intake) {
        return dispatch(inbox, turns, Map.of(EventTypes.CONTACT_UPDATED, intake::contactUpdated));
    }

    /** {@code booking.events.v1}. */
    @Bean
    Consumer<Message<byte[]>> bookingEvents(Inbox inbox, ConsultationTurns turns, MessageIntake intake,
                                            VisitIntake visits) {
        return dispatch(inbox, turns, Map.of(
                EventTypes.CONSULTATION_REQUESTED, intake::consultationRequested,
                EventTypes.CONSULTATION_HELD, intake::consultationHeld,
                EventTypes.BOOKING_CONFIRMED, visits::bookingConfirmed,
                EventTypes.BOOKING_UNFULFILLED, visits::bookingUnfulfilled,
                EventTypes.VISIT_CANCELLED, visits::visitCancelled,
                EventTypes.CONSULTATION_CANCELLED, intake::consultationCancelled));
    }

    /** {@code screening.events.v1}. */
    @Bean
    Consumer<Message<byte[]>> screeningEvents(Inbox inbox, ConsultationTurns turns, MessageIntake intake) {
        return dispatch(inbox, turns, Map.of(
                EventTypes.SCREENING_COMPLETED, intake::screeningCompleted,
                EventTypes.SCREENING_DECIDED, intake::screeningDecided,
                EventTypes.SAFETY_ALERT, intake::safetyAlert));
    }

    /** {@code dispatch.events.v1}. */
    @Bean
    Consumer<Message<byte[]>> dispatchEvents(Inbox inbox, ConsultationTurns turns, VisitIntake visits) {
        return dispatch(inbox, turns, Map.of(
                EventTypes.VISIT_SCHEDULED, visits::visitScheduled,
                EventTypes.VISIT_UNSCHEDULABLE, visits::visitUnschedulable,
                EventTypes.VISIT_RESCHEDULE_FAILED, visits::visitRescheduleFailed,
                EventTypes.VISIT_STATUS_CHANGED, visits::visitStatusChanged));
    }

    private static Consumer<Message<byte[]>> dispatch(Inbox inbox, ConsultationTurns turns,
                                                      Map<String, Consumer<InboundEvent>> handlers) {
        return message -> {
            Object header = message.getHeaders().get(CloudEventHeaders.TYPE);
            if (header == null) {
                inbox.receive(message, event -> { }); // rejected by the inbox: no ce_type
                return;
            }
            String type = header instanceof byte[] bytes ? new String(bytes, UTF_8) : header.toString();
            Consumer<InboundEvent> handler = handlers.get(type);
            if (handler != null) {
                inbox.receive(message, event -> {
                    turns.take(event.consultationId());
                    handler.accept(event);
                });
            }
        };
    }
}
