package com.housecall.messaging;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;

/**
 * The one typed way in for a Kafka consumer: {@code EventHandlers.through(inbox).on(BookingConfirmed.class,
 * this::confirmed)}. For each record it reads the CloudEvents headers (a record without them is rejected: dead
 * letter), skips types it has no handler for without an inbox row, opens a PHI topic's sealed payload with its
 * consultation's data key ({@link DataKeyRing}; an erased consultation's record is skipped), decodes the payload by
 * the catalogue, checks that {@code ce_subject} is the payload's consultation and runs the handler once per event
 * id, in the inbox's transaction; with {@link #inTurns} it first takes the consultation's turn.
 */
public final class EventHandlers implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

    /** A handler that also reads the envelope: the event's time, id or topic. */
    @FunctionalInterface
    public interface WithEnvelope<T> extends BiConsumer<T, InboundEvent> {
    }

    private final Inbox inbox;
    private final ConsultationTurns turns;
    private final Map<String, Consumer<InboundEvent>> handlers;
    private final Consumer<UUID> then;
    private final Consumer<InboundEvent> everyType;

    private EventHandlers(Inbox inbox, ConsultationTurns turns, Map<String, Consumer<InboundEvent>> handlers,
                          Consumer<UUID> then, Consumer<InboundEvent> everyType) {
        this.inbox = inbox;
        this.turns = turns;
        this.handlers = handlers;
        this.then = then;
        this.everyType = everyType;
    }

    public static EventHandlers through(Inbox inbox) {
        return new EventHandlers(Objects.requireNonNull(inbox), null, new HashMap<>(), null, null);
    }

    /** Handles one consultation's events one transaction at a time ({@link ConsultationTurns}). */
    public EventHandlers inTurns(ConsultationTurns turns) {
        return new EventHandlers(inbox, Objects.requireNonNull(turns), handlers, then, everyType);
    }

    /**
     * Every record as it came, undecoded and never opened, whatever its type, also one the catalogue does not know
     * yet (the operator console stores them all, redacted); typed handlers still win for their types.
     */
    public EventHandlers onEveryType(Consumer<InboundEvent> handler) {
        return new EventHandlers(inbox, turns, handlers, then, Objects.requireNonNull(handler));
    }

    /**
     * After each handled event, in the same transaction and once per event id, {@code after} sees its consultation:
     * a reader that only needs to know a consultation may have changed (partner subscriptions).
     */
    public EventHandlers then(Consumer<UUID> after) {
        return new EventHandlers(inbox, turns, handlers, Objects.requireNonNull(after), everyType);
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
        return everyType != null || handlers.containsKey(type);
    }

    /**
     * A poll's records (the binder's batch mode: one poll, one transaction, one commit under load, one record when
     * idle), each consultation's in the order they came. A record that cannot be read, or a poll whose transaction
     * fails, ends the poll: the records before it take effect one by one, and the listener container retries and
     * then dead-letters the failing one ({@link RetryThenDeadLetter}) from its position.
     */
    @Override
    public void accept(Message<List<byte[]>> poll) {
        Failure failure = handleAll(PolledRecords.of(poll));
        if (failure != null) {
            throw new BatchListenerFailedException(FailureReason.of(failure.cause()), failure.cause(), failure.index());
        }
    }

    /** One record as a poll of its own (tests, replays); throws what reading or handling it threw. */
    public void handle(Message<byte[]> record) {
        Failure failure = handleAll(List.of(record));
        if (failure != null) {
            throw failure.cause();
        }
    }

    private record Failure(int index, RuntimeException cause) {
    }

    private @Nullable Failure handleAll(List<Message<byte[]>> records) {
        List<InboundEvent> events = new ArrayList<>(records.size());
        List<Integer> positions = new ArrayList<>(records.size());
        Failure unreadable = null;
        for (int i = 0; i < records.size() && unreadable == null; i++) {
            try {
                Optional<InboundEvent> event = opened(records.get(i));
                if (event.isPresent()) {
                    events.add(event.get());
                    positions.add(i);
                }
            } catch (RuntimeException e) {
                unreadable = new Failure(i, e);
            }
        }
        if (events.size() > 1 && receivedTogether(events)) {
            return unreadable;
        }
        for (int i = 0; i < events.size(); i++) {
            try {
                inbox.receive(events.get(i), this::handleOne);
            } catch (RuntimeException e) {
                return new Failure(positions.get(i), e);
            }
        }
        return unreadable;
    }

    /**
     * All in one transaction, ordered by consultation (a stable sort: each one's events keep their order), so two
     * polls on different topics lock their consultations' rows in the same order and never deadlock each other.
     * False if that transaction failed: then each goes on its own, in the poll's order.
     */
    private boolean receivedTogether(List<InboundEvent> events) {
        try {
            inbox.receiveAll(events.stream().sorted(Comparator.comparing(InboundEvent::subject)).toList(),
                    this::handleOne);
            return true;
        } catch (RuntimeException e) {
            log.info("A poll of {} events failed together ({}); handling them one at a time", events.size(),
                    FailureReason.types(e));
            return false;
        }
    }

    /** The record's event with its payload opened; empty for a type this consumer does not handle. */
    private Optional<InboundEvent> opened(Message<byte[]> record) {
        InboundEvent envelope = InboundEvent.from(record);
        if (handlers.containsKey(envelope.type())) {
            return inbox.open(envelope);
        }
        return everyType == null ? Optional.empty() : Optional.of(envelope);
    }

    private void handleOne(InboundEvent event) {
        if (turns != null) {
            turns.take(event.consultationId());
        }
        handlers.getOrDefault(event.type(), everyType).accept(event);
        if (then != null) {
            then.accept(event.consultationId());
        }
    }
}
