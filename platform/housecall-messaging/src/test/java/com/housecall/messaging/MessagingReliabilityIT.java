package com.housecall.messaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.CloudEventHeaders;
import com.housecall.events.EventJson;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.messaging.testapp.BookingEventsConsumer;
import com.housecall.messaging.testapp.Deliveries;
import com.housecall.messaging.testapp.TestApps;
import com.housecall.messaging.testapp.Things;
import com.housecall.testsupport.TestEvents;
import com.housecall.testsupport.TopicRecorder;
import com.housecall.testsupport.TopicRecorder.Received;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Ordering, duplicate deliveries and poison messages, through one running test application. */
@ExtendWith(OutputCaptureExtension.class)
class MessagingReliabilityIT {

    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.BOOKING_EVENTS, TestApps.MODULE);

    private static ConfigurableApplicationContext app;
    private static TopicRecorder topics;
    private static Things things;

    @BeforeAll
    static void start() {
        app = TestApps.start(TestApps.freshSettings());
        things = app.getBean(Things.class);
        topics = TopicRecorder.start(Topics.BOOKING_EVENTS, DEAD_LETTERS);
    }

    @AfterAll
    static void stop() {
        TestApps.close(topics, app);
    }

    @Test
    void oneConsultationsEventsArriveInTheOrderTheyWereAppended() {
        UUID consultation = UUID.randomUUID();
        List<String> appended = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            appended.add(things.request(requested(consultation, "order-" + i)).toString());
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> about(Topics.BOOKING_EVENTS, consultation).size() >= 50);
        KafkaOffsets.awaitCaughtUp(topics, Topics.BOOKING_EVENTS);
        List<Received> sent = about(Topics.BOOKING_EVENTS, consultation).stream()
                .sorted(Comparator.comparingLong(Received::offset)).toList();

        assertThat(sent).hasSize(50);
        assertThat(sent).extracting(Received::partition).as("one partition").containsOnly(sent.getFirst().partition());
        assertThat(sent).extracting(r -> r.header(CloudEventHeaders.ID)).as("in append order")
                .containsExactlyElementsOf(appended);
        assertThat(sent).extracting(r -> read(r).source())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).mapToObj(i -> "order-" + i).toList());
    }

    @Test
    void anEventDeliveredThreeTimesTakesEffectOnce() {
        UUID consultation = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        ConsultationRequested event = requested(consultation, "booking");
        for (int i = 0; i < 3; i++) {
            TestEvents.publish(event, "booking-service", eventId);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> about(Topics.BOOKING_EVENTS, consultation).size() == 3);
        List<Received> copies = about(Topics.BOOKING_EVENTS, consultation);
        assertThat(copies).extracting(r -> r.header(CloudEventHeaders.ID)).containsOnly(eventId);
        long last = copies.stream().mapToLong(Received::offset).max().orElseThrow();
        KafkaOffsets.awaitCommitted(TestApps.MODULE, Topics.BOOKING_EVENTS, copies.getFirst().partition(), last + 1);

        assertThat(app.getBean(Deliveries.class).of(consultation.toString())).as("all three were delivered")
                .isEqualTo(3);
        assertThat(things.count(consultation)).as("but changed the state once").isEqualTo(1);
    }

    @Test
    void poisonMessagesAreDeadLetteredWithASafeReasonAndTheConsumerKeepsGoing(CapturedOutput output) {
        int partitions = KafkaOffsets.partitionCount(Topics.BOOKING_EVENTS);
        // the three records share a partition, so the good one waits behind the poison ones
        String garbageKey = UUID.randomUUID().toString();
        int partition = KafkaOffsets.partitionOf(garbageKey, partitions);
        UUID failing = consultationOnPartition(partition, partitions);
        UUID good = consultationOnPartition(partition, partitions);
        Counter deadLetters = app.getBean(MeterRegistry.class).counter("housecall.dead.letters", "topic",
                Topics.BOOKING_EVENTS);
        double deadLettersBefore = deadLetters.count();

        Map<String, String> noId = new LinkedHashMap<>(CloudEventHeaders.of("unused",
                CloudEventHeaders.source("booking-service"), EventTypes.CONSULTATION_REQUESTED,
                Instant.now().toString(), garbageKey));
        noId.remove(CloudEventHeaders.ID);
        byte[] garbage = {0x00, (byte) 0xff, '{', 'n', 'o', 't', ' ', 'j', 's', 'o', 'n'};
        TestEvents.send(Topics.BOOKING_EVENTS, garbageKey, garbage, noId);
        TestEvents.publish(requested(failing, BookingEventsConsumer.FAILING_SOURCE), "booking-service");
        TestEvents.publish(requested(good, "web"), "booking-service");

        await("the good event after them is processed").atMost(Duration.ofSeconds(60))
                .until(() -> things.count(good) == 1);
        Received unreadable = topics.awaitOne(DEAD_LETTERS, EventTypes.CONSULTATION_REQUESTED, garbageKey);
        Received failed = topics.awaitOne(DEAD_LETTERS, EventTypes.CONSULTATION_REQUESTED, failing.toString());
        Received originalUnreadable = single(Topics.BOOKING_EVENTS, garbageKey);
        Received originalFailed = single(Topics.BOOKING_EVENTS, failing.toString());
        Received originalGood = single(Topics.BOOKING_EVENTS, good.toString());
        assertThat(originalGood.partition()).isEqualTo(originalUnreadable.partition())
                .isEqualTo(originalFailed.partition());
        assertThat(originalGood.offset()).isGreaterThan(originalFailed.offset());

        assertDeadLetterOf(originalUnreadable, unreadable);
        assertDeadLetterOf(originalFailed, failed);
        assertThat(unreadable.header(CloudEventHeaders.EXCEPTION_MESSAGE)).contains("ce_id");
        assertThat(failed.header(CloudEventHeaders.EXCEPTION_MESSAGE)).isEqualTo("processing failed");

        Deliveries deliveries = app.getBean(Deliveries.class);
        int maxAttempts = app.getBean(MessagingProperties.class).maxAttempts();
        assertThat(maxAttempts).isGreaterThan(1);
        assertThat(deliveries.of(garbageKey)).as("an unreadable record is not retried").isEqualTo(1);
        assertThat(deliveries.of(failing.toString())).as("a failing handler is retried").isEqualTo(maxAttempts);
        assertThat(things.count(failing)).isZero();
        assertThat(topics.matching(r -> r.topic().equals(DEAD_LETTERS)
                && failing.toString().equals(r.header(CloudEventHeaders.SUBJECT)))).as("dead-lettered once").hasSize(1);
        assertThat(deadLetters.count()).as("housecall_dead_letters_total{topic}").isEqualTo(deadLettersBefore + 2);

        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("Dead-lettered"));
        assertThat(output.getAll()).as("the dead letters were logged, without PHI").doesNotContain("Lovelace")
                .doesNotContain("Ada ");
    }

    private static void assertDeadLetterOf(Received original, Received dead) {
        assertThat(dead.key()).isEqualTo(original.key());
        assertThat(dead.value()).isEqualTo(original.value());
        assertThat(dead.headers()).containsAllEntriesOf(original.headers());
        assertThat(dead.header(CloudEventHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.BOOKING_EVENTS);
        assertThat(dead.header(CloudEventHeaders.ORIGINAL_PARTITION)).isEqualTo(String.valueOf(original.partition()));
        assertThat(dead.header(CloudEventHeaders.ORIGINAL_OFFSET)).isEqualTo(String.valueOf(original.offset()));
        assertThat(dead.header(CloudEventHeaders.EXCEPTION_MESSAGE)).isNotBlank()
                .doesNotContain("Exception").doesNotContain("com.").doesNotContain("java.")
                .doesNotContain("Ada").doesNotContain("Lovelace")
                .doesNotContain("\n").doesNotContain("\tat ")
                .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]\\w+");
    }

    private static ConsultationRequested requested(UUID consultation, String source) {
        return new ConsultationRequested(consultation, source, "OR", "972", "America/Los_Angeles",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private static ConsultationRequested read(Received record) {
        return EventJson.read(record.value().getBytes(UTF_8), ConsultationRequested.class);
    }

    private static List<Received> about(String topic, UUID consultation) {
        return topics.matching(r -> r.topic().equals(topic) && consultation.toString().equals(r.header("ce_subject")));
    }

    private static Received single(String topic, String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !topics.matching(r -> r.topic().equals(topic)
                && subject.equals(r.header(CloudEventHeaders.SUBJECT))).isEmpty());
        List<Received> found = topics.matching(r -> r.topic().equals(topic)
                && subject.equals(r.header(CloudEventHeaders.SUBJECT)));
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private static UUID consultationOnPartition(int partition, int partitions) {
        while (true) {
            UUID candidate = UUID.randomUUID();
            if (KafkaOffsets.partitionOf(candidate.toString(), partitions) == partition) {
                return candidate;
            }
        }
    }
}
