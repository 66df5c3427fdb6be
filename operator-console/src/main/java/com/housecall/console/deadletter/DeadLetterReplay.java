package com.housecall.console.deadletter;

import com.housecall.events.CloudEventHeaders;
import com.housecall.security.problem.ConflictException;
import com.housecall.security.problem.NotFoundException;
import com.housecall.messaging.MessagingProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a dead letter's original key, value and headers (its {@code ce_id} included, so consumers' inboxes skip it
 * when it was processed after all) back to the original topic, once. The dead letter records who replayed it and
 * when; a second replay is a conflict. So is the replay of a dead letter older than the consumers' memory of what
 * they processed ({@code housecall.messaging.inbox-retention}, less a day's margin): it could take effect twice.
 */
@Service
public class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    private static final Duration MARGIN = Duration.ofDays(1);

    private final DeadLetters deadLetters;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final Clock clock;
    private final Duration replayable;

    DeadLetterReplay(DeadLetters deadLetters, @Qualifier("eventKafkaTemplate") KafkaTemplate<byte[], byte[]> kafka,
                     Clock clock, MessagingProperties messaging) {
        this.deadLetters = deadLetters;
        this.kafka = kafka;
        this.clock = clock;
        this.replayable = messaging.inboxRetention().minus(MARGIN);
    }

    /** Replays and marks in one transaction: a failed send leaves the dead letter replayable. */
    @Transactional
    public DeadLetter replay(String id, String operator) {
        DeadLetter letter = deadLetters.find(id).orElseThrow(NotFoundException::new);
        if (letter.failedAt().isBefore(Instant.now(clock).minus(replayable))) {
            throw new ConflictException("This dead letter is older than the consumers remember which events they"
                    + " processed (" + replayable.toDays() + " days): a replay could take effect twice. Redo the"
                    + " change it carried by hand.");
        }
        if (!deadLetters.markReplayed(id, operator, Instant.now(clock))) {
            throw new ConflictException("This dead letter was already replayed.");
        }
        DeadLetters.Raw raw = deadLetters.raw(id);
        if (raw.originalTopic() == null) {
            throw new ConflictException("This dead letter does not name its original topic.");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : raw.headers()) {
            if (!header.key().startsWith("x-original-") && !header.key().equals(CloudEventHeaders.EXCEPTION_MESSAGE)) {
                headers.add(header);
            }
        }
        kafka.send(new ProducerRecord<>(raw.originalTopic(), null, raw.key(), raw.value(), headers))
                .orTimeout(30, TimeUnit.SECONDS).join();
        log.info("Dead letter {} replayed to {} by {}", id, raw.originalTopic(), operator);
        return deadLetters.find(id).orElseThrow();
    }
}
