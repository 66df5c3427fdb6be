package com.housecall.messaging;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventCatalog;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.messaging.Message;

/**
 * The one typed way in for a Kafka consumer: {@code EventHandlers.through(inbox).on(BookingConfirmed.class,
 * this::confirmed)}. For each record it reads the CloudEvents headers (a record without them is rejected: dead
 * letter), skips types it has no handler for without an inbox row, decodes the payload by the catalogue, checks
 * that {@code ce_subject} is the payload's consultation and runs the handler once per event id, in the inbox's
 * transaction; with {@link #inTurns} it first takes the consultation's turn.
 */
public final class EventHandlers implements Consumer<Message<byte[]>> {

    /** A handler that also reads the envelope: the event's time, id or topic. */
    @FunctionalInterface
    public interface WithEnvelope<T> extends BiConsumer<T, InboundEvent> {
    }

    private final Inbox inbox;
    private final ConsultationTurns turns;
    private final Map<String, Consumer<InboundEvent>> handlers;

    private EventHandlers(Inbox inbox, ConsultationTurns turns, Map<String, Consumer<InboundEvent>> handlers) {
        this.inbox = inbox;
        this.turns = turns;
        this.handlers = handlers;
    }

    public static EventHandlers through(Inbox inbox) {
        return new EventHandlers(Objects.requireNonNull(inbox), null, new HashMap<>());
    }

    /** Handles one consultation's events one transaction at a time ({@link ConsultationTurns}). */
    public EventHandlers inTurns(ConsultationTurns turns) {
        return new EventHandlers(inbox, Objects.requireNonNull(turns), handlers);
    }

    public <T extends ConsultationEvent> EventHandlers on(Class<T> payload, Consumer<T> handler) {
        return onWithEnvelope(payload, (event, envelope) -> handler.accept(event));
    }

    /** As {@link #on}, for a handler that also reads the envelope (the event's time, for one). */
    public <T extends ConsultationEvent> EventHandlers onWithEnvelope(Class<T> payload, WithEnvelope<T> handler) {
        String type = EventCatalog.of(payload).type();
        if (handlers.containsKey(type)) {
            throw new IllegalStateException("Two handlers for " + type);
        }
        handlers.put(type, envelope -> {
            T event = envelope.payload(payload);
            if (!envelope.consultationId().equals(event.consultationId())) {
                throw new EventRejectedException("ce_subject does not match the payload's consultation id");
            }
            handler.accept(event, envelope);
        });
        return this;
    }

    /** Whether this consumer acts on the type; other types are skipped without an inbox row. */
    public boolean handles(String type) {
        return handlers.containsKey(type);
    }

    @Override
    public void accept(Message<byte[]> message) {
        InboundEvent envelope = InboundEvent.from(message);
        Consumer<InboundEvent> handler = handlers.get(envelope.type());
        if (handler == null) {
            return;
        }
        inbox.receive(envelope, event -> {
            if (turns != null) {
                turns.take(event.consultationId());
            }
            handler.accept(event);
        });
    }
}
