package com.housecall.messaging;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventCatalog;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.messaging.Message;

/**
 * The one typed way in for a Kafka consumer: {@code EventHandlers.through(inbox).on(BookingConfirmed.class,
 * this::confirmed)}. For each record it reads the CloudEvents headers (a record without them is rejected: dead
 * letter), skips types it has no handler for without an inbox row, opens a PHI topic's sealed payload with its
 * consultation's data key ({@link DataKeyRing}; an erased consultation's record is skipped), decodes the payload by
 * the catalogue, checks that {@code ce_subject} is the payload's consultation and runs the handler once per event
 * id, in the inbox's transaction; with {@link #inTurns} it first takes the consultation's turn.
 */
public final class EventHandlers implements Consumer<Message<byte[]>> {

    /** A handler that also reads the envelope: the event's time, id or topic. */
    @FunctionalInterface
    public interface WithEnvelope<T> extends BiConsumer<T, InboundEvent> {
    }

    private final Inbox inbox;
    private final ConsultationTurns turns;
    private final Map<String, Consumer<InboundEvent>> handlers;
    private final Consumer<UUID> then;

    private EventHandlers(Inbox inbox, ConsultationTurns turns, Map<String, Consumer<InboundEvent>> handlers,
                          Consumer<UUID> then) {
        this.inbox = inbox;
        this.turns = turns;
        this.handlers = handlers;
        this.then = then;
    }

    public static EventHandlers through(Inbox inbox) {
        return new EventHandlers(Objects.requireNonNull(inbox), null, new HashMap<>(), null);
    }

    /** Handles one consultation's events one transaction at a time ({@link ConsultationTurns}). */
    public EventHandlers inTurns(ConsultationTurns turns) {
        return new EventHandlers(inbox, Objects.requireNonNull(turns), handlers, then);
    }

    /**
     * After each handled event, in the same transaction and once per event id, {@code after} sees its consultation:
     * a reader that only needs to know a consultation may have changed (partner subscriptions).
     */
    public EventHandlers then(Consumer<UUID> after) {
        return new EventHandlers(inbox, turns, handlers, Objects.requireNonNull(after));
    }

    /** Every type the catalogue puts on {@code topic}, each handled by its consultation id alone. */
    public EventHandlers onEvery(String topic, Consumer<UUID> handler) {
        EventCatalog.ALL.stream().filter(entry -> entry.topic().equals(topic))
                .forEach(entry -> on(entry.payload(), event -> handler.accept(event.consultationId())));
        return this;
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
        inbox.open(envelope).ifPresent(opened -> inbox.receive(opened, event -> {
            if (turns != null) {
                turns.take(event.consultationId());
            }
            handler.accept(event);
            if (then != null) {
                then.accept(event.consultationId());
            }
        }));
    }
}
