package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventJson;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.messaging.testapp.TestApps;
import com.housecall.messaging.testapp.Things;
import com.housecall.testsupport.TopicRecorder;
import com.housecall.testsupport.TopicRecorder.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service commits a state change and its event, then dies before the relay sends it. After a restart on the
 * same database the event goes out, exactly once, as CONTRACT.md section 9 describes it.
 */
class OutboxCrashRecoveryIT {

    @Test
    void anEventCommittedBeforeACrashIsPublishedOnceAfterTheRestart() {
        Map<String, Object> sameDatabase = TestApps.freshSettings();
        UUID consultation = UUID.randomUUID();
        ConsultationRequested requested = new ConsultationRequested(consultation, "web", "OR", "972",
                "America/Los_Angeles", Instant.now().truncatedTo(ChronoUnit.MILLIS));

        try (TopicRecorder topic = TopicRecorder.start(Topics.BOOKING_EVENTS)) {
            UUID eventId;
            try (ConfigurableApplicationContext beforeCrash = TestApps.start(sameDatabase,
                    "--housecall.messaging.relay-enabled=false")) {
                Things things = beforeCrash.getBean(Things.class);
                eventId = things.request(requested);

                assertThat(things.count(consultation)).as("the state change is committed").isEqualTo(1);
                assertThat(things.outboxRows(consultation)).as("its event waits in the outbox").isEqualTo(1);
                assertThat(beforeCrash.getBean(OutboxRelay.class).isRunning()).isFalse();
                KafkaOffsets.awaitCaughtUp(topic, Topics.BOOKING_EVENTS);
                assertThat(about(topic, consultation)).as("nothing was sent before the crash").isEmpty();
            }

            try (ConfigurableApplicationContext afterRestart = TestApps.start(sameDatabase)) {
                Things things = afterRestart.getBean(Things.class);
                Received sent = topic.awaitOne(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_REQUESTED,
                        consultation.toString());
                await().atMost(Duration.ofSeconds(30)).until(() -> things.outboxRows() == 0);
                KafkaOffsets.awaitCaughtUp(topic, Topics.BOOKING_EVENTS);
                assertThat(about(topic, consultation)).as("published exactly once").hasSize(1);

                assertThat(sent.key()).isEqualTo(consultation.toString());
                assertThat(sent.header("ce_specversion")).isEqualTo("1.0");
                assertThat(sent.header("ce_id")).isEqualTo(eventId.toString());
                assertThat(UUID.fromString(sent.header("ce_id"))).isEqualTo(eventId);
                assertThat(sent.header("ce_source")).isEqualTo("/housecall/testapp");
                assertThat(sent.header("ce_type")).isEqualTo("com.housecall.consultation.requested");
                assertThat(sent.header("ce_time")).matches(
                        "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
                assertThat(OffsetDateTime.parse(sent.header("ce_time")).toInstant())
                        .isBetween(requested.requestedAt().minusSeconds(5), Instant.now());
                assertThat(sent.header("ce_subject")).isEqualTo(consultation.toString());
                assertThat(sent.header("content-type")).isEqualTo("application/json");
                assertThat(sent.headers().values()).as("plain strings, not JSON-quoted")
                        .allSatisfy(value -> assertThat(value).doesNotStartWith("\"").doesNotEndWith("\""));
                assertThat(sent.headers().keySet()).doesNotContain("spring_json_header_types");
                assertThat(EventJson.read(sent.value().getBytes(StandardCharsets.UTF_8), ConsultationRequested.class))
                        .isEqualTo(requested);
            }
        }
    }

    private static List<Received> about(TopicRecorder topic, UUID consultation) {
        return topic.matching(r -> r.topic().equals(Topics.BOOKING_EVENTS)
                && consultation.toString().equals(r.header("ce_subject")));
    }
}
