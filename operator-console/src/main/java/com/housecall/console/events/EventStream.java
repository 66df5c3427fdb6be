package com.housecall.console.events;

import com.housecall.console.ConsoleProperties;
import com.housecall.events.EventJson;
import com.housecall.messaging.BatchPoller;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Feeds every connected operator from the {@link EventLog}: each subscriber has its own position ({@code seq}), so
 * a resumed stream and a live one are the same thing, and nothing is dropped for a slow reader: it is simply
 * further behind. One thread sends to every emitter (an emitter is not safe for concurrent sends), so it also ends
 * streams: when the operator's token expires ({@code auth-expired}; the page renews it and resumes with
 * Last-Event-ID) and, past {@code housecall.console.max-streams-per-operator}, the operator's oldest stream
 * ({@code stream-limit}): a closed tab is only noticed at the next heartbeat, so the newest stream wins.
 */
@Component
public class EventStream extends BatchPoller {

    private static final Logger logger = LoggerFactory.getLogger(EventStream.class);
    private static final int PAGE = 500;
    static final String AUTH_EXPIRED = "auth-expired";
    static final String STREAM_LIMIT = "stream-limit";

    private final EventLog log;
    private final Clock clock;
    private final Duration heartbeat;
    private final int maxStreamsPerOperator;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private Instant lastHeartbeat;

    EventStream(EventLog log, Clock clock, ConsoleProperties properties) {
        super("console-stream", properties.streamPollInterval(), 1, true);
        this.log = log;
        this.clock = clock;
        this.heartbeat = properties.heartbeat();
        this.maxStreamsPerOperator = properties.maxStreamsPerOperator();
        this.lastHeartbeat = Instant.now(clock);
    }

    /** A subscriber at {@code afterSeq}, ended when {@code until} passes; filters may be null. */
    public void subscribe(SseEmitter emitter, long afterSeq, String typePrefix, String subject, String operator,
                          Instant until) {
        Subscriber subscriber = new Subscriber(emitter, typePrefix, subject, operator, until);
        subscriber.cursor = afterSeq;
        List<Subscriber> operators = subscribers.stream()
                .filter(other -> other.operator.equals(operator) && other.endReason == null).toList();
        for (int i = 0; i <= operators.size() - maxStreamsPerOperator; i++) {
            operators.get(i).endReason = STREAM_LIMIT;
        }
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(error -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Ends every open stream (clients resume with Last-Event-ID), so a graceful shutdown need not wait for them. */
    @Override
    public synchronized void stop() {
        super.stop();
        subscribers.forEach(subscriber -> subscriber.emitter.complete());
        subscribers.clear();
    }

    /** Answers 1 while some subscriber got a full page (more are waiting), so the poller runs again at once. */
    @Override
    protected int runBatch() {
        if (subscribers.isEmpty()) {
            return 0;
        }
        endDueStreams();
        long last = log.lastSeq();
        boolean more = false;
        for (Subscriber subscriber : subscribers) {
            if (subscriber.cursor < last) {
                more |= feed(subscriber, last);
            }
        }
        if (Duration.between(lastHeartbeat, Instant.now(clock)).compareTo(heartbeat) >= 0) {
            lastHeartbeat = Instant.now(clock);
            subscribers.forEach(subscriber -> send(subscriber, SseEmitter.event().comment("heartbeat")));
        }
        return more ? 1 : 0;
    }

    private void endDueStreams() {
        Instant now = Instant.now(clock);
        for (Subscriber subscriber : subscribers) {
            if (subscriber.endReason == null && !now.isBefore(subscriber.until)) {
                subscriber.endReason = AUTH_EXPIRED;
            }
            if (subscriber.endReason != null) {
                subscribers.remove(subscriber);
                if (send(subscriber, SseEmitter.event().name(subscriber.endReason)
                        .data("{\"end\":\"" + subscriber.endReason + "\"}"))) {
                    subscriber.emitter.complete();
                }
            }
        }
    }

    private boolean feed(Subscriber subscriber, long last) {
        List<StoredEvent> events = log.after(subscriber.cursor, subscriber.typePrefix, subscriber.subject, PAGE);
        for (StoredEvent event : events) {
            if (!send(subscriber, SseEmitter.event().id(event.id()).name(event.type())
                    .data(EventJson.MAPPER.writeValueAsString(event.view())))) {
                return false;
            }
            subscriber.cursor = event.seq();
        }
        if (events.size() < PAGE) {
            // every matching row up to `last` was read (seq order is commit order)
            subscriber.cursor = Math.max(subscriber.cursor, last);
            return false;
        }
        return true;
    }

    private boolean send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException e) {
            // the operator went away; no data in the log
            logger.debug("Event stream closed by the client");
            subscribers.remove(subscriber);
            subscriber.emitter.completeWithError(e);
            return false;
        }
    }

    private static final class Subscriber {
        private final SseEmitter emitter;
        private final String typePrefix;
        private final String subject;
        private final String operator;
        private final Instant until;
        private volatile long cursor;
        private volatile String endReason;

        private Subscriber(SseEmitter emitter, String typePrefix, String subject, String operator, Instant until) {
            this.emitter = emitter;
            this.typePrefix = typePrefix;
            this.subject = subject;
            this.operator = operator;
            this.until = until;
        }
    }
}
