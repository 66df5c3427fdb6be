package com.housecall.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventCatalog;
import com.housecall.events.EventJson;
import com.housecall.events.Topics;
import com.housecall.events.booking.CancelledBy;
import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.phi.KeyEncryptionKeys;
import com.housecall.testsupport.TestDatabase;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** The one typed way in: decoded by the catalogue, checked, once per event id, and silent on other types. */
class EventHandlersTest {

    private static JdbcClient jdbc;
    private static Inbox inbox;

    private final List<ConsultationRequested> handled = new ArrayList<>();
    private final EventHandlers handlers = EventHandlers.through(inbox)
            .on(ConsultationRequested.class, handled::add);

    /** Only PHI topics' records need the ring; these tests send none. */
    static final DataKeyRing NO_KEYS = new DataKeyRing(Map.of(),
            KeyEncryptionKeys.of(KeyEncryptionKeys.DEV, List.of()), Duration.ZERO);

    @BeforeAll
    static void database() {
        TestDatabase.Settings settings = TestDatabase.create("event-handlers");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(settings.url(), settings.username(),
                settings.password());
        MessagingSchema.migrate(dataSource);
        jdbc = JdbcClient.create(dataSource);
        inbox = new Inbox(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                "test-service", Clock.systemUTC(), new EventTracing(Tracer.NOOP, Propagator.NOOP), NO_KEYS);
    }

    @BeforeEach
    void forgetProcessedEvents() {
        jdbc.sql("DELETE FROM processed_event").update();
    }

    @Test
    void aHandledTypeIsDecodedToItsRecordAndTakesEffectOncePerEventId() {
        ConsultationRequested requested = requested(UUID.randomUUID());
        Message<byte[]> message = message(requested, requested.consultationId().toString());

        handlers.handle(message);
        handlers.handle(message);

        assertThat(handled).containsExactly(requested);
        assertThat(processedEvents()).isOne();
    }

    @Test
    void aTypeWithoutAHandlerIsSkippedWithoutAnInboxRow() {
        UUID consultation = UUID.randomUUID();
        handlers.handle(message(new ConsultationCancelled(consultation, "REQUESTED", CancelledBy.PATIENT,
                Instant.now()), consultation.toString()));

        assertThat(handled).isEmpty();
        assertThat(processedEvents()).isZero();
    }

    @Test
    void aSubjectThatIsNotThePayloadsConsultationIsRejectedAndRecordsNothing() {
        ConsultationRequested requested = requested(UUID.randomUUID());

        assertThatThrownBy(() -> handlers.handle(message(requested, UUID.randomUUID().toString())))
                .isInstanceOf(EventRejectedException.class)
                .hasMessage("ce_subject does not match the payload's consultation id");
        assertThat(handled).isEmpty();
        assertThat(processedEvents()).isZero();
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsRejectedNotSkipped() {
        Message<byte[]> bare = MessageBuilder.withPayload("{}".getBytes(UTF_8)).build();

        assertThatThrownBy(() -> handlers.handle(bare)).isInstanceOf(EventRejectedException.class);
    }

    @Test
    void twoHandlersForOneTypeAreAProgrammingError() {
        assertThatThrownBy(() -> EventHandlers.through(inbox).on(ConsultationRequested.class, handled::add)
                .on(ConsultationRequested.class, handled::add)).isInstanceOf(IllegalStateException.class);
    }

    /** Partner subscriptions only ask which consultation may have changed: every type of a topic, once per id. */
    @Test
    void everyTypeOfATopicAndAThenStepSeeTheConsultationOncePerEventId() {
        List<UUID> seen = new ArrayList<>();
        List<UUID> after = new ArrayList<>();
        EventHandlers everything = EventHandlers.through(inbox)
                .onEvery(Topics.BOOKING_EVENTS, seen::add).then(after::add);
        UUID consultation = UUID.randomUUID();
        Message<byte[]> cancelled = message(new ConsultationCancelled(consultation, "REQUESTED", CancelledBy.PATIENT,
                Instant.now()), consultation.toString());

        everything.handle(message(requested(consultation), consultation.toString()));
        everything.handle(cancelled);
        everything.handle(cancelled);

        assertThat(seen).containsExactly(consultation, consultation);
        assertThat(after).containsExactly(consultation, consultation);
        assertThat(processedEvents()).isEqualTo(2);
    }

    @Test
    void aPollsEventsAllTakeEffectOnceEachConsultationsInTheOrderTheyCame() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<UUID> seen = new ArrayList<>();
        EventHandlers everything = EventHandlers.through(inbox).onEvery(Topics.BOOKING_EVENTS, seen::add);
        Message<byte[]> cancelled = message(new ConsultationCancelled(second, "REQUESTED", CancelledBy.PATIENT,
                Instant.now()), second.toString());

        everything.accept(poll(List.of(message(requested(second), second.toString()),
                message(requested(first), first.toString()), cancelled, cancelled)));

        assertThat(seen).containsExactlyInAnyOrder(first, second, second);
        assertThat(processedEvents()).isEqualTo(3);
    }

    @Test
    void aFailingEventEndsThePollAfterThoseBeforeItTookEffectAndNamesItsPosition() {
        UUID before = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        jdbc.sql("CREATE TABLE IF NOT EXISTS effect (consultation_id VARCHAR(36))").update();
        EventHandlers failingOne = EventHandlers.through(inbox).on(ConsultationRequested.class, requested -> {
            if (requested.consultationId().equals(failing)) {
                throw new IllegalStateException("the database went away");
            }
            jdbc.sql("INSERT INTO effect VALUES (?)").param(requested.consultationId().toString()).update();
        });

        assertThatThrownBy(() -> failingOne.accept(poll(List.of(message(requested(before), before.toString()),
                message(requested(failing), failing.toString()), message(requested(after), after.toString())))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isOne());

        assertThat(jdbc.sql("SELECT consultation_id FROM effect WHERE consultation_id IN (?, ?, ?)")
                .params(before.toString(), failing.toString(), after.toString()).query(String.class).list())
                .containsExactly(before.toString());
        assertThat(processedEvents()).isOne();
    }

    @Test
    void anUnreadableRecordEndsThePollAfterThoseBeforeIt() {
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        Message<byte[]> bare = MessageBuilder.withPayload("{}".getBytes(UTF_8)).build();

        assertThatThrownBy(() -> handlers.accept(poll(List.of(message(requested(before), before.toString()), bare,
                message(requested(after), after.toString())))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isOne();
                    assertThat(e.getCause()).isInstanceOf(EventRejectedException.class);
                });
        assertThat(handled).extracting(ConsultationRequested::consultationId).containsExactly(before);
    }

    /** As the binder's batch mode hands a poll over: the values in a list, each record's headers in another. */
    private static Message<List<byte[]>> poll(List<Message<byte[]>> records) {
        List<Map<String, Object>> headers = new ArrayList<>();
        records.forEach(record -> headers.add(new HashMap<>(record.getHeaders())));
        return MessageBuilder.withPayload(records.stream().map(Message::getPayload).toList())
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, records.stream()
                        .map(record -> record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC)).toList())
                .build();
    }

    private static ConsultationRequested requested(UUID consultation) {
        return new ConsultationRequested(consultation, "web", "OR", "972", "America/Los_Angeles",
                Instant.parse("2026-01-02T03:04:05.678Z"));
    }

    private static Message<byte[]> message(ConsultationEvent payload, String subject) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(EventJson.write(payload));
        CloudEventHeaders.of(UUID.randomUUID().toString(), "/housecall/booking-service",
                        EventCatalog.of(payload).type(), "2026-01-02T03:04:05.678Z", subject)
                .forEach((name, header) -> builder.setHeader(name, header.getBytes(UTF_8)));
        builder.setHeader(KafkaHeaders.RECEIVED_TOPIC, EventCatalog.of(payload).topic());
        return builder.build();
    }

    private static long processedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM processed_event").query(Long.class).single();
    }
}
