package com.housecall.console.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.console.ConsoleIntegration;
import com.housecall.console.PhiPayloads;
import com.housecall.console.SseClient;
import com.housecall.events.CloudEventHeaders;
import com.housecall.events.EventCatalog;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.booking.VisitPhase;
import com.housecall.events.booking.VisitRequested;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.screening.SafetyAlert;
import com.housecall.events.screening.SafetyWithdrawn;
import com.housecall.events.TimeWindow;
import com.housecall.testsupport.TestEvents;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventStreamIT extends ConsoleIntegration {

    @Test
    void phiLadenEventsOfEveryTypeReachTheStreamAndTheTimelineRedacted() throws Exception {
        UUID consultationId = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        try (SseClient stream = stream("operator1", "/api/ops/events", null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            for (EventCatalog.Entry entry : EventCatalog.ALL) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                // the PHI and key types never travel on a topic the console reads; here one does, as a misrouted
                // event would
                String topic = Topics.carriesPhi(entry.topic()) || entry.topic().equals(Topics.BOOKING_KEYS)
                        ? Topics.BOOKING_EVENTS : entry.topic();
                TestEvents.send(topic, consultationId.toString(), PhiPayloads.of(entry, consultationId),
                        CloudEventHeaders.of(id, CloudEventHeaders.source("booking-service"), entry.type(),
                                Instant.now().toString(), consultationId.toString()));
            }
            await().atMost(WAIT).until(() -> stream.messages().stream().map(SseClient.Message::id).toList()
                    .containsAll(ids));
            assertNoPhi(stream.raw());
            for (SseClient.Message message : stream.messages()) {
                if (ids.contains(message.id())) {
                    JsonNode data = message.json();
                    assertThat(data.path("id").asString()).isEqualTo(message.id());
                    assertThat(data.path("type").asString()).isEqualTo(message.event());
                    assertThat(data.path("subject").asString()).isEqualTo(consultationId.toString());
                    assertThat(data.path("source").asString()).isEqualTo("/housecall/booking-service");
                    assertThat(data.path("time").asString()).isNotBlank();
                    assertThat(data.path("data").path("consultationId").asString()).isEqualTo(consultationId.toString());
                }
            }
        }

        HttpResponse<String> timeline = get("operator1", "/api/ops/consultations/" + consultationId + "/timeline");
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertNoPhi(timeline.body());
        List<String> timelineIds = new ArrayList<>();
        json(timeline).path("items").forEach(item -> timelineIds.add(item.path("id").asString()));
        // in arrival order, which across four topics need not be the order of publishing
        assertThat(timelineIds).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void filtersByTypePrefixAndConsultation() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (SseClient visits = stream("operator1", "/api/ops/events?type=com.housecall.visit.&consultationId=" + mine,
                null);
             SseClient all = stream("operator1", "/api/ops/events?consultationId=" + mine, null)) {
            publishThree(other);
            List<String> ids = publishThree(mine);
            await().atMost(WAIT).until(() -> all.messages().size() == 3);
            await().atMost(WAIT).until(() -> visits.messages().size() == 2);
            assertThat(all.messages()).extracting(SseClient.Message::id).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(visits.messages()).extracting(SseClient.Message::event)
                    .containsExactlyInAnyOrder(EventTypes.VISIT_REQUESTED, EventTypes.VISIT_SCHEDULED);
        }
    }

    @Test
    void resumesAfterLastEventIdAndStartsAtTheOldestForAnUnknownOne() throws Exception {
        UUID consultationId = UUID.randomUUID();
        publishThree(consultationId);
        await().atMost(WAIT).until(() -> json(get("operator1", "/api/ops/consultations/" + consultationId
                + "/timeline")).path("items").size() == 3);
        List<String> ids = new ArrayList<>(); // in the order the console keeps them
        json(get("operator1", "/api/ops/consultations/" + consultationId + "/timeline")).path("items")
                .forEach(item -> ids.add(item.path("id").asString()));

        try (SseClient resumed = stream("operator1", "/api/ops/events?consultationId=" + consultationId, ids.get(0));
             SseClient unknown = stream("operator1", "/api/ops/events?consultationId=" + consultationId,
                     UUID.randomUUID().toString());
             SseClient live = stream("operator1", "/api/ops/events?consultationId=" + consultationId, null)) {
            await().atMost(WAIT).until(() -> resumed.messages().size() == 2 && unknown.messages().size() == 3);
            assertThat(resumed.messages()).extracting(SseClient.Message::id).containsExactly(ids.get(1), ids.get(2));
            assertThat(unknown.messages()).extracting(SseClient.Message::id).containsExactlyElementsOf(ids);

            // and the same streams go on live
            String next = TestEvents.publish(new VisitScheduled(consultationId, UUID.randomUUID(), 2, UUID.randomUUID(),
                    "Nora O.", OffsetDateTime.now().plusDays(3), OffsetDateTime.now().plusDays(3).plusHours(2),
                    "America/Los_Angeles"), "dispatch-service");
            await().atMost(WAIT).until(() -> live.messages().size() == 1 && resumed.messages().size() == 3);
            assertThat(live.messages().getFirst().id()).isEqualTo(next);
            assertThat(resumed.messages().getLast().id()).isEqualTo(next);
        }
    }

    @Test
    void theSafetyPanelsStreamCarriesAWithdrawalWithTheAlertItCloses() throws Exception {
        UUID consultationId = UUID.randomUUID();
        UUID alertId = UUID.randomUUID();
        TestEvents.publish(new SafetyAlert(consultationId, alertId, 1, Instant.now()), "screening-service");
        TestEvents.publish(new SafetyWithdrawn(consultationId, alertId, Instant.parse("2026-12-02T18:00:00Z")),
                "screening-service");
        // the page's alert panel reads this stream: every safety.* event from the oldest retained one
        try (SseClient alerts = stream("operator1", "/api/ops/events?type=com.housecall.safety.&consultationId="
                + consultationId, "oldest")) {
            await().atMost(WAIT).until(() -> alerts.messages().size() == 2);
            assertThat(alerts.messages()).extracting(SseClient.Message::event)
                    .containsExactly(EventTypes.SAFETY_ALERT, EventTypes.SAFETY_WITHDRAWN);
            JsonNode withdrawn = alerts.messages().getLast().json().path("data");
            assertThat(withdrawn.path("alertId").asString()).isEqualTo(alertId.toString());
            assertThat(withdrawn.path("withdrawnAt").asString()).isEqualTo("2026-12-02T18:00:00Z");
        }
    }

    @Test
    void aRedeliveredEventIsShownOnce() throws Exception {
        UUID consultationId = UUID.randomUUID();
        ConsultationRequested event = new ConsultationRequested(consultationId, "PATIENT", "CA", "941",
                "America/Los_Angeles", Instant.now());
        String id = UUID.randomUUID().toString();
        TestEvents.publish(event, "booking-service", id);
        var second = TestEvents.publish(event, "booking-service", id);
        TestEvents.awaitConsumed("operator-console", second);
        assertThat(json(get("operator1", "/api/ops/consultations/" + consultationId + "/timeline"))
                .path("items").size()).isEqualTo(1);
    }

    @Test
    void aTimelineOfAMalformedOrUnknownIdIsNotFound() throws Exception {
        assertThat(get("operator1", "/api/ops/consultations/not-a-uuid/timeline").statusCode()).isEqualTo(404);
        // the console knows a consultation by its events: none means no such consultation (issue 21), not an empty one
        HttpResponse<String> none = get("operator1", "/api/ops/consultations/" + UUID.randomUUID() + "/timeline");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static List<String> publishThree(UUID consultationId) {
        OffsetDateTime start = OffsetDateTime.now().plusDays(2);
        UUID visitId = UUID.randomUUID();
        return List.of(
                TestEvents.publish(new ConsultationRequested(consultationId, "PATIENT", "CA", "941",
                        "America/Los_Angeles", Instant.now()), "booking-service"),
                TestEvents.publish(new VisitRequested(consultationId, visitId, 1, VisitPhase.INDUCTION,
                        List.of(new TimeWindow(start, start.plusHours(4))), "CA", "941", "America/Los_Angeles",
                        Instant.now()), "booking-service"),
                TestEvents.publish(new VisitScheduled(consultationId, visitId, 1, UUID.randomUUID(), "Nora O.", start,
                        start.plusHours(2), "America/Los_Angeles"), "dispatch-service"));
    }

    private static void assertNoPhi(String text) {
        for (String marker : PhiPayloads.MARKERS) {
            assertThat(text).as("shows " + marker).doesNotContain(marker);
        }
        assertThat(text).doesNotContain("givenName").doesNotContain("dateOfBirth").doesNotContain("\"note\"");
    }
}
