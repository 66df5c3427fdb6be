package com.housecall.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.EventJson;
import java.util.UUID;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * A CloudEvent as it arrived from Kafka: its attributes from the {@code ce_} headers, its payload still JSON, and
 * the trace and correlation id it carries.
 */
public record InboundEvent(String id, String type, String source, String subject, String time, String topic,
                           byte[] payload, EventTrace trace) {

    /** Reads the CloudEvents headers; a record without them can never be processed. */
    public static InboundEvent from(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        return new InboundEvent(required(headers, CloudEventHeaders.ID), required(headers, CloudEventHeaders.TYPE),
                required(headers, CloudEventHeaders.SOURCE), required(headers, CloudEventHeaders.SUBJECT),
                required(headers, CloudEventHeaders.TIME), text(headers.get(KafkaHeaders.RECEIVED_TOPIC)),
                message.getPayload(), EventTrace.from(headers));
    }

    /** The same event with its payload opened ({@link DataKeyRing}). */
    InboundEvent withPayload(byte[] opened) {
        return new InboundEvent(id, type, source, subject, time, topic, opened, trace);
    }

    /** The payload as its record; an unreadable one is rejected without quoting it. */
    public <T> T payload(Class<T> type) {
        try {
            return EventJson.read(payload, type);
        } catch (RuntimeException e) {
            throw new EventRejectedException("payload of " + this.type + " is not readable");
        }
    }

    public UUID consultationId() {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new EventRejectedException("header ce_subject is not a consultation id");
        }
    }

    private static String required(MessageHeaders headers, String name) {
        String value = text(headers.get(name));
        if (value == null || value.isBlank()) {
            throw new EventRejectedException("missing header " + name);
        }
        return value;
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> new String(bytes, UTF_8);
            default -> value.toString();
        };
    }
}
