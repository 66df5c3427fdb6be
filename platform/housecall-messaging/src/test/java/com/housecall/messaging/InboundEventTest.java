package com.housecall.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.EventJson;
import com.housecall.events.booking.ConsultationRequested;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** How a record from Kafka becomes an event, and how an unusable one is rejected without quoting it. */
class InboundEventTest {

    private final UUID consultation = UUID.randomUUID();
    private final ConsultationRequested payload = new ConsultationRequested(consultation, "web", "OR", "972",
            "America/Los_Angeles", Instant.parse("2026-01-02T03:04:05.678Z"));

    @Test
    void readsTheCloudEventsHeadersAsKafkaDeliversThem() {
        InboundEvent event = InboundEvent.from(message(EventJson.write(payload), Map.of()));

        assertThat(event.id()).isEqualTo("0b8e0f4e-3a8c-4a43-9d5c-4f4a3f0f7a10");
        assertThat(event.type()).isEqualTo("com.housecall.consultation.requested");
        assertThat(event.source()).isEqualTo("/housecall/booking-service");
        assertThat(event.topic()).isEqualTo("booking.events.v1");
        assertThat(event.consultationId()).isEqualTo(consultation);
        assertThat(event.payload(ConsultationRequested.class)).isEqualTo(payload);
    }

    @Test
    void aRecordWithoutAnEventIdIsRejectedNamingTheHeader() {
        assertThatThrownBy(() -> InboundEvent.from(message(EventJson.write(payload),
                Map.of(CloudEventHeaders.ID, "  "))))
                .isInstanceOf(EventRejectedException.class).hasMessage("missing header ce_id");
    }

    @Test
    void anUnreadablePayloadIsRejectedWithoutQuotingIt() {
        InboundEvent event = InboundEvent.from(message("{\"consultationId\": \"Ada Lovelace\"".getBytes(UTF_8),
                Map.of()));

        assertThatThrownBy(() -> event.payload(ConsultationRequested.class))
                .isInstanceOf(EventRejectedException.class)
                .hasMessage("payload of com.housecall.consultation.requested is not readable")
                .hasNoCause();
    }

    @Test
    void aSubjectThatIsNoConsultationIdIsRejected() {
        InboundEvent event = InboundEvent.from(message(EventJson.write(payload),
                Map.of(CloudEventHeaders.SUBJECT, "Ada Lovelace")));

        assertThatThrownBy(event::consultationId).isInstanceOf(EventRejectedException.class)
                .hasMessage("header ce_subject is not a consultation id");
    }

    /** Header values as raw bytes, the way the binder hands them over; {@code overrides} as strings. */
    private Message<byte[]> message(byte[] value, Map<String, String> overrides) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(value);
        CloudEventHeaders.of("0b8e0f4e-3a8c-4a43-9d5c-4f4a3f0f7a10", "/housecall/booking-service",
                        "com.housecall.consultation.requested", "2026-01-02T03:04:05.678Z", consultation.toString())
                .forEach((name, header) -> builder.setHeader(name, header.getBytes(UTF_8)));
        overrides.forEach(builder::setHeader);
        builder.setHeader(KafkaHeaders.RECEIVED_TOPIC, "booking.events.v1");
        return builder.build();
    }
}
