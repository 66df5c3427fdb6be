package com.housecall.dispatch.visit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventJson;
import com.housecall.events.EventTypes;
import com.housecall.events.TimeWindow;
import com.housecall.events.Topics;
import com.housecall.events.booking.CancelledBy;
import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.VisitCancelReason;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.booking.VisitLocation;
import com.housecall.events.booking.VisitPhase;
import com.housecall.events.booking.VisitRequested;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.dispatch.DispatchIntegration;
import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.TestKafka;
import com.housecall.testsupport.TestEvents;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Booking asks for a visit over the real broker; dispatch books a demo nurse and says so on dispatch.events.v1. */
class DispatchFlowTest extends DispatchIntegration {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static KafkaProducer<String, byte[]> producer;
    private static KafkaConsumer<String, byte[]> dispatchEvents;
    private static final List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void clients() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
        dispatchEvents = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dispatch-flow-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // the topic may not exist yet when this subscribes: look again soon, not in 5 minutes
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"), new StringDeserializer(), new ByteArrayDeserializer());
        dispatchEvents.subscribe(List.of(Topics.DISPATCH_EVENTS));
    }

    @AfterAll
    static void closeClients() {
        producer.close();
        dispatchEvents.close();
    }

    @Test
    void schedulesTheVisitOnceWhateverIsRedelivered() {
        UUID consultationId = UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        LocalDate tuesday = LocalDate.now(LOS_ANGELES).plusDays(2).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        TimeWindow window = new TimeWindow(tuesday.atTime(LocalTime.of(9, 0)).atZone(LOS_ANGELES).toOffsetDateTime(),
                tuesday.atTime(LocalTime.of(12, 0)).atZone(LOS_ANGELES).toOffsetDateTime());
        VisitRequested request = new VisitRequested(consultationId, visitId, 1, VisitPhase.INDUCTION, List.of(window), "CA", "941",
                "America/Los_Angeles", Instant.now());

        VisitLocation located = VisitLocation.of(request,
                new LocationUpdated(consultationId, "1 Market St", "San Francisco", "CA", "94105", "America/Los_Angeles"));
        UUID requestEventId = UUID.randomUUID();
        send(Topics.BOOKING_LOCATIONS, EventTypes.VISIT_LOCATION, requestEventId, consultationId, located);

        ConsumerRecord<String, byte[]> record = awaitEvent(consultationId, EventTypes.VISIT_SCHEDULED);
        assertThat(record.key()).isEqualTo(consultationId.toString());
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/housecall/dispatch-service");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(consultationId.toString());
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(UUID.fromString(header(record, CloudEventHeaders.ID))).isNotNull();
        assertThat(OffsetDateTime.parse(header(record, CloudEventHeaders.TIME))).isNotNull();
        VisitScheduled scheduled = EventJson.read(record.value(), VisitScheduled.class);
        assertThat(scheduled.visitId()).isEqualTo(visitId);
        assertThat(scheduled.start()).isBetween(window.start(), window.end());
        assertThat(scheduled.start().getMinute() % 15).isZero();
        assertThat(Duration.between(scheduled.start(), scheduled.end())).isEqualTo(Duration.ofMinutes(85));
        assertThat(scheduled.nurseDisplayName()).matches("\\p{L}+ \\p{L}\\.");
        assertThat(scheduled.timeZone()).isEqualTo("America/Los_Angeles");

        // the same event again, then the same request under a new event id: neither books a second visit
        awaitConsumed(send(Topics.BOOKING_LOCATIONS, EventTypes.VISIT_LOCATION, requestEventId, consultationId, located));
        awaitConsumed(send(Topics.BOOKING_LOCATIONS, EventTypes.VISIT_LOCATION, UUID.randomUUID(), consultationId,
                located));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM visit WHERE consultation_id = ?").param(consultationId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_key = ?").param(consultationId.toString())
                .query(Long.class).single()).isZero();
        pollDispatchEvents();
        assertThat(published).filteredOn(r -> r.key().equals(consultationId.toString())).hasSize(1);
    }

    /**
     * A cancel travels on booking.events.v1, the request with its address on booking.locations.v1: when the cancel
     * is consumed first, the request that follows is never booked, for a visit or a whole consultation.
     */
    @Test
    void aCancelThatOvertakesItsRequestOnTheOtherTopicLeavesNothingBooked() {
        LocalDate tuesday = LocalDate.now(LOS_ANGELES).plusDays(2).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        TimeWindow window = new TimeWindow(tuesday.atTime(LocalTime.of(9, 0)).atZone(LOS_ANGELES).toOffsetDateTime(),
                tuesday.atTime(LocalTime.of(12, 0)).atZone(LOS_ANGELES).toOffsetDateTime());
        UUID visitCancelled = UUID.randomUUID();
        UUID consultationCancelled = UUID.randomUUID();
        UUID visitId = UUID.randomUUID();

        awaitConsumed(send(Topics.BOOKING_EVENTS, EventTypes.VISIT_CANCELLED, UUID.randomUUID(), visitCancelled,
                new VisitCancelled(visitCancelled, visitId, 1, VisitCancelReason.PATIENT_REQUEST, Instant.now())));
        awaitConsumed(send(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_CANCELLED, UUID.randomUUID(),
                consultationCancelled, new ConsultationCancelled(consultationCancelled, "SCHEDULING",
                        CancelledBy.PATIENT, Instant.now())));
        for (UUID[] visit : List.of(new UUID[] {visitCancelled, visitId},
                new UUID[] {consultationCancelled, UUID.randomUUID()})) {
            awaitConsumed(send(Topics.BOOKING_LOCATIONS, EventTypes.VISIT_LOCATION, UUID.randomUUID(), visit[0],
                    VisitLocation.of(new VisitRequested(visit[0], visit[1], 1, VisitPhase.INDUCTION, List.of(window),
                            "CA", "941", "America/Los_Angeles", Instant.now()), new LocationUpdated(visit[0],
                            "1 Market St", "San Francisco", "CA", "94105", "America/Los_Angeles"))));
        }

        for (UUID consultation : List.of(visitCancelled, consultationCancelled)) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM visit WHERE consultation_id = ?").param(consultation)
                    .query(Long.class).single()).as("visits booked").isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM visit_request WHERE consultation_id = ?").param(consultation)
                    .query(Long.class).single()).as("requests kept").isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_key = ?").param(consultation.toString())
                    .query(Long.class).single()).as("events waiting to be sent").isZero();
        }
        pollDispatchEvents();
        assertThat(published).noneMatch(r -> r.key().equals(visitCancelled.toString())
                || r.key().equals(consultationCancelled.toString()));
    }

    @Test
    void aRequestNoNurseCanTakeIsUnschedulable() {
        UUID consultationId = UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        // nobody works on Sundays
        LocalDate sunday = LocalDate.now(LOS_ANGELES).plusDays(2).with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        TimeWindow window = new TimeWindow(sunday.atTime(LocalTime.of(9, 0)).atZone(LOS_ANGELES).toOffsetDateTime(),
                sunday.atTime(LocalTime.of(12, 0)).atZone(LOS_ANGELES).toOffsetDateTime());

        send(Topics.BOOKING_LOCATIONS, EventTypes.VISIT_LOCATION, UUID.randomUUID(), consultationId,
                VisitLocation.of(new VisitRequested(consultationId, visitId, 1, VisitPhase.INDUCTION, List.of(window),
                        "CA", "941", "America/Los_Angeles", Instant.now()), new LocationUpdated(consultationId,
                        "1 Market St", "San Francisco", "CA", "94105", "America/Los_Angeles")));

        VisitUnschedulable unschedulable = EventJson.read(
                awaitEvent(consultationId, EventTypes.VISIT_UNSCHEDULABLE).value(), VisitUnschedulable.class);
        assertThat(unschedulable.visitId()).isEqualTo(visitId);
        assertThat(unschedulable.reason()).isEqualTo("NO_QUALIFIED_NURSE");
    }

    @Test
    void nursesSeeTheirOwnVisitsOnly() throws Exception {
        assertThat(get(DevJwt.token("nurse1")).statusCode()).isEqualTo(200);
        assertThat(json(get(DevJwt.token("nurse1"))).get("items").isArray()).isTrue();
        assertThat(get(DevJwt.token("patient1")).statusCode()).isEqualTo(403);
        assertThat(get(null).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String token) throws Exception {
        return get(token, "/api/nurse/visits");
    }

    private static RecordMetadata send(String topic, String type, UUID eventId, UUID consultationId,
                                       ConsultationEvent payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, consultationId.toString(),
                TestEvents.value(payload));
        record.headers()
                .add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8))
                .add(CloudEventHeaders.ID, eventId.toString().getBytes(UTF_8))
                .add(CloudEventHeaders.SOURCE, "/housecall/booking-service".getBytes(UTF_8))
                .add(CloudEventHeaders.TYPE, type.getBytes(UTF_8))
                .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8))
                .add(CloudEventHeaders.SUBJECT, consultationId.toString().getBytes(UTF_8))
                .add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(UTF_8));
        try {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until dispatch-service's consumer group has committed past the record. */
    private static void awaitConsumed(RecordMetadata sent) {
        TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            await().atMost(PATIENCE).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("dispatch-service")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > sent.offset();
            });
        }
    }

    private static ConsumerRecord<String, byte[]> awaitEvent(UUID consultationId, String type) {
        return await().atMost(PATIENCE).until(() -> {
            pollDispatchEvents();
            return find(consultationId, type);
        }, Optional::isPresent).orElseThrow();
    }

    private static Optional<ConsumerRecord<String, byte[]>> find(UUID consultationId, String type) {
        return published.stream().filter(r -> consultationId.toString().equals(r.key()))
                .filter(r -> type.equals(header(r, CloudEventHeaders.TYPE))).findFirst();
    }

    private static synchronized void pollDispatchEvents() {
        dispatchEvents.poll(Duration.ofMillis(500)).forEach(published::add);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
