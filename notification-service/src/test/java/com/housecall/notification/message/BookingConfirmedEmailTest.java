package com.housecall.notification.message;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventJson;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.ContactUpdated;
import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.HousecallTestInfrastructure;
import com.housecall.testsupport.TestKafka;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** A patient's contact and booking arrive over Kafka; one confirmation email goes out, once, and is reported. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=notification-service", "logging.level.kafka=WARN",
                "logging.level.org.apache.kafka=WARN", "logging.level.state.change.logger=WARN",
                "logging.level.com.icegreen=WARN"})
class BookingConfirmedEmailTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension mailbox = new GreenMailExtension(new ServerSetup(SMTP_PORT, null, "smtp"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        HousecallTestInfrastructure.register(registry, "notification-service");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("housecall.notification.send-interval", () -> "50ms");
    }

    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;

    @Autowired
    JdbcClient jdbc;

    @Value("${local.server.port}")
    int port;

    private KafkaConsumer<byte[], byte[]> notificationEvents;

    @BeforeEach
    void listenToNotificationEvents() {
        notificationEvents = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        notificationEvents.subscribe(List.of(Topics.NOTIFICATION_EVENTS));
    }

    @AfterEach
    void close() {
        notificationEvents.close();
    }

    @Test
    void bookingConfirmedSendsOneEmailOnceAndReportsIt() throws Exception {
        UUID consultationId = UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        publish(Topics.BOOKING_CONTACTS, EventTypes.CONTACT_UPDATED, UUID.randomUUID(),
                new ContactUpdated(consultationId, "Alex", "Rivera", "alex.rivera@example.com", "+14155550123",
                        List.of("EMAIL", "SMS"), new ContactUpdated.Consent(true, true), "America/Los_Angeles"));
        BookingConfirmed confirmed = new BookingConfirmed(consultationId, visitId,
                OffsetDateTime.parse("2026-03-03T09:30:00-08:00"), OffsetDateTime.parse("2026-03-03T11:00:00-08:00"),
                "Maria Gonzalez", "America/Los_Angeles");
        UUID eventId = UUID.randomUUID();
        publish(Topics.BOOKING_EVENTS, EventTypes.BOOKING_CONFIRMED, eventId, confirmed);

        await().atMost(Duration.ofSeconds(30)).until(() -> emailsTo("alex.rivera@example.com").size() == 1);
        MimeMessage email = emailsTo("alex.rivera@example.com").getFirst();
        assertThat(email.getSubject()).contains("Housecall", "9:30 AM");

        List<ConsumerRecord<byte[], byte[]>> sent = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            notificationEvents.poll(Duration.ofMillis(200)).forEach(record -> {
                if (header(record, CloudEventHeaders.SUBJECT).equals(consultationId.toString())) {
                    sent.add(record);
                }
            });
            return !sent.isEmpty();
        });
        ConsumerRecord<byte[], byte[]> event = sent.getFirst();
        assertThat(header(event, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.NOTIFICATION_SENT);
        assertThat(new String(event.key(), UTF_8)).isEqualTo(consultationId.toString());
        JsonNode payload = EventJson.MAPPER.readTree(event.value());
        assertThat(payload.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(payload.get("type").asString()).isEqualTo("BOOKING_CONFIRMED");
        assertThat(payload.get("providerId").asString()).isEqualTo(email.getMessageID());
        assertThat(new String(event.value(), UTF_8)).doesNotContain("alex", "Alex", "Maria");

        // redelivery (same ce_id), then a copy published again (new ce_id): same partition, so once the copy is
        // recorded by the inbox both have been handled
        publish(Topics.BOOKING_EVENTS, EventTypes.BOOKING_CONFIRMED, eventId, confirmed);
        UUID copyId = UUID.randomUUID();
        publish(Topics.BOOKING_EVENTS, EventTypes.BOOKING_CONFIRMED, copyId, confirmed);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM processed_event WHERE event_id = ?").param(copyId.toString())
                .query(Long.class).single() == 1);

        JsonNode page = RestClient.create("http://localhost:" + port).get()
                .uri("/api/notifications?consultationId={id}", consultationId)
                .header("Authorization", "Bearer " + DevJwt.token("operator1"))
                .retrieve().body(JsonNode.class);
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(page.get("items").valueStream()
                .map(item -> item.get("channel").asString() + ":" + item.get("status").asString()))
                .containsExactlyInAnyOrder("EMAIL:SENT", "SMS:SUPPRESSED");
        assertThat(emailsTo("alex.rivera@example.com")).hasSize(1);
    }

    @Test
    void aBookingConfirmedBeforeItsContactIsSentOnceTheContactArrives() throws Exception {
        UUID consultationId = UUID.randomUUID();
        publish(Topics.BOOKING_EVENTS, EventTypes.BOOKING_CONFIRMED, UUID.randomUUID(),
                new BookingConfirmed(consultationId, UUID.randomUUID(), OffsetDateTime.parse("2026-03-04T14:00:00Z"),
                        OffsetDateTime.parse("2026-03-04T15:30:00Z"), "Sam Lee", "America/New_York"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM message WHERE consultation_id = ?").param(consultationId.toString())
                .query(Long.class).single() == 1);

        publish(Topics.BOOKING_CONTACTS, EventTypes.CONTACT_UPDATED, UUID.randomUUID(),
                new ContactUpdated(consultationId, "Jo", "Park", "jo.park@example.com", null, List.of("EMAIL"),
                        new ContactUpdated.Consent(false, true), "America/New_York"));

        await().atMost(Duration.ofSeconds(30)).until(() -> emailsTo("jo.park@example.com").size() == 1);
        MimeMessage email = emailsTo("jo.park@example.com").getFirst();
        assertThat(email.getSubject()).contains("9:00 AM");
    }

    @Test
    void notificationsAreForOperatorsOnly() {
        RestClient client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
        HttpStatus anonymous = HttpStatus.valueOf(client.get().uri("/api/notifications?consultationId={id}",
                UUID.randomUUID()).retrieve().toBodilessEntity().getStatusCode().value());
        HttpStatus patient = HttpStatus.valueOf(client.get().uri("/api/notifications?consultationId={id}",
                        UUID.randomUUID()).header("Authorization", "Bearer " + DevJwt.token("patient1"))
                .retrieve().toBodilessEntity().getStatusCode().value());

        assertThat(anonymous).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(patient).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void publish(String topic, String type, UUID eventId, ConsultationEvent payload) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, "1.0".getBytes(UTF_8));
        headers.add(CloudEventHeaders.ID, eventId.toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SOURCE, "/housecall/booking-service".getBytes(UTF_8));
        headers.add(CloudEventHeaders.TYPE, type.getBytes(UTF_8));
        headers.add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, payload.consultationId().toString().getBytes(UTF_8));
        headers.add(CloudEventHeaders.CONTENT_TYPE, "application/json".getBytes(UTF_8));
        kafka.send(new ProducerRecord<>(topic, null, payload.consultationId().toString().getBytes(UTF_8),
                EventJson.write(payload), headers)).get(30, TimeUnit.SECONDS);
    }

    private static List<MimeMessage> emailsTo(String address) {
        return List.of(mailbox.getReceivedMessages()).stream()
                .filter(message -> recipient(message).equals(address)).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), UTF_8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
