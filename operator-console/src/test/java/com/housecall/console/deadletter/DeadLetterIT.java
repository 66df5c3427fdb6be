package com.housecall.console.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.console.ConsoleIntegration;
import com.housecall.console.PhiPayloads;
import com.housecall.events.CloudEventHeaders;
import com.housecall.events.EventCatalog;
import com.housecall.events.EventJson;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.testsupport.TestEvents;
import com.housecall.testsupport.TopicRecorder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class DeadLetterIT extends ConsoleIntegration {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeadLetterIsListedWithItsReasonAndReplayedOnceToItsOriginalTopic() throws Exception {
        UUID consultationId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        byte[] value = EventJson.write(new ConsultationRequested(consultationId, "PATIENT", "CA", "941",
                "America/Los_Angeles", Instant.now()));
        RecordMetadata dead = deadLetter(Topics.BOOKING_EVENTS, "screening-service", eventId,
                EventTypes.CONSULTATION_REQUESTED, consultationId, value);
        String id = dead.topic() + ":" + dead.partition() + ":" + dead.offset();

        JsonNode letter = awaitListed(id);
        assertThat(letter.path("topic").asString()).isEqualTo("booking.events.v1.screening-service.dlq");
        assertThat(letter.path("originalTopic").asString()).isEqualTo(Topics.BOOKING_EVENTS);
        assertThat(letter.path("reason").asString()).isEqualTo("handler failed: database unavailable");
        assertThat(letter.path("type").asString()).isEqualTo(EventTypes.CONSULTATION_REQUESTED);
        assertThat(letter.path("subject").asString()).isEqualTo(consultationId.toString());
        assertThat(letter.path("failedAt").asString()).endsWith("Z");
        assertThat(letter.path("data").path("state").asString()).isEqualTo("CA");

        try (TopicRecorder recorder = TopicRecorder.start(Topics.BOOKING_EVENTS)) {
            HttpResponse<String> replayed = post("operator1", "/api/ops/dead-letters/" + id + "/replay");
            assertThat(replayed.statusCode()).isEqualTo(200);
            assertThat(json(replayed).path("replayedBy").asString()).isEqualTo("operator1");
            assertThat(json(replayed).path("replayedAt").asString()).isNotBlank();
            recorder.awaitOne(Topics.BOOKING_EVENTS, EventTypes.CONSULTATION_REQUESTED, consultationId.toString());
        }
        assertThat(post("operator1", "/api/ops/dead-letters/" + id + "/replay").statusCode()).isEqualTo(409);
        assertThat(post("operator1", "/api/ops/dead-letters/nope:0:1/replay").statusCode()).isEqualTo(404);

        // the replayed event reached the console's own consumer, once; replaying what was processed changes nothing
        await().atMost(WAIT).until(() -> timelineSize(consultationId) == 1);
        RecordMetadata again = deadLetter(Topics.BOOKING_EVENTS, "dispatch-service", eventId,
                EventTypes.CONSULTATION_REQUESTED, consultationId, value);
        String againId = again.topic() + ":" + again.partition() + ":" + again.offset();
        awaitListed(againId);
        assertThat(post("operator1", "/api/ops/dead-letters/" + againId + "/replay").statusCode()).isEqualTo(200);
        RecordMetadata marker = TestEvents.send(Topics.BOOKING_EVENTS, consultationId.toString(), value,
                CloudEventHeaders.of(UUID.randomUUID().toString(), "/housecall/booking-service",
                        EventTypes.CONSULTATION_REQUESTED, Instant.now().toString(), consultationId.toString()));
        TestEvents.awaitConsumed("operator-console", marker);
        assertThat(timelineSize(consultationId)).isEqualTo(2); // the marker; the replay was a duplicate
    }

    @Test
    void aDeadLetterOlderThanTheConsumersMemoryOfProcessedEventsIsNotReplayed() throws Exception {
        UUID consultationId = UUID.randomUUID();
        RecordMetadata dead = deadLetter(Topics.BOOKING_EVENTS, "screening-service", UUID.randomUUID().toString(),
                EventTypes.CONSULTATION_REQUESTED, consultationId, EventJson.write(new ConsultationRequested(
                        consultationId, "PATIENT", "CA", "941", "America/Los_Angeles", Instant.now())));
        String id = dead.topic() + ":" + dead.partition() + ":" + dead.offset();
        awaitListed(id);
        // the platform's inboxes forget processed ids after 30 days (housecall.messaging.inbox-retention)
        jdbc.sql("UPDATE dead_letter SET failed_at = ? WHERE id = ?")
                .params(Instant.now().minus(Duration.ofDays(29)).minusSeconds(60).atOffset(ZoneOffset.UTC), id).update();

        HttpResponse<String> refused = post("operator1", "/api/ops/dead-letters/" + id + "/replay");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).path("detail").asString()).contains("could take effect twice");
        assertThat(awaitListed(id).path("replayedAt").isString()).as("still not replayed").isFalse();
    }

    @Test
    void aDeadLetterOfAPhiTopicShowsMetadataOnly() throws Exception {
        UUID consultationId = UUID.randomUUID();
        EventCatalog.Entry contact = EventCatalog.byType(EventTypes.CONTACT_UPDATED).orElseThrow();
        RecordMetadata dead = deadLetter(Topics.BOOKING_CONTACTS, "notification-service", UUID.randomUUID().toString(),
                EventTypes.CONTACT_UPDATED, consultationId, PhiPayloads.of(contact, consultationId));
        String id = dead.topic() + ":" + dead.partition() + ":" + dead.offset();
        JsonNode letter = awaitListed(id);
        assertThat(letter.path("originalTopic").asString()).isEqualTo(Topics.BOOKING_CONTACTS);
        assertThat(letter.path("phi").asBoolean()).isTrue();
        assertThat(letter.has("data")).isFalse();
        String list = get("operator1", "/api/ops/dead-letters?size=100").body();
        for (String phi : PhiPayloads.MARKERS) {
            assertThat(list).doesNotContain(phi);
        }
    }

    @Test
    void theListIsPagedAndChecksItsParameters() throws Exception {
        HttpResponse<String> page = get("operator1", "/api/ops/dead-letters?page=0&size=1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(json(page).path("size").asInt()).isEqualTo(1);
        assertThat(json(page).has("totalItems")).isTrue();
        HttpResponse<String> bad = get("operator1", "/api/ops/dead-letters?size=101");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("errors").get(0).path("field").asString()).isEqualTo("size");
    }

    private JsonNode awaitListed(String id) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            for (JsonNode item : json(get("operator1", "/api/ops/dead-letters?size=100")).path("items")) {
                if (item.path("id").asString().equals(id)) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private int timelineSize(UUID consultationId) throws Exception {
        return json(get("operator1", "/api/ops/consultations/" + consultationId + "/timeline")).path("items").size();
    }

    /** A dead letter as the platform writes one: the original headers plus where it came from and why. */
    private static RecordMetadata deadLetter(String topic, String group, String eventId, String type,
                                             UUID consultationId, byte[] value) {
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(eventId, "/housecall/booking-service",
                type, Instant.now().toString(), consultationId.toString()));
        headers.put(CloudEventHeaders.ORIGINAL_TOPIC, topic);
        headers.put(CloudEventHeaders.ORIGINAL_PARTITION, "0");
        headers.put(CloudEventHeaders.ORIGINAL_OFFSET, "42");
        headers.put(CloudEventHeaders.EXCEPTION_MESSAGE, "handler failed: database unavailable");
        return TestEvents.send(Topics.deadLetter(topic, group), consultationId.toString(), value, headers);
    }
}
