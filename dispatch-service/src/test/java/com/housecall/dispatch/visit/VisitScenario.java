package com.housecall.dispatch.visit;

import com.housecall.dispatch.DispatchIntegration;
import com.housecall.events.EventJson;
import com.housecall.events.EventTypes;
import com.housecall.events.TimeWindow;
import com.housecall.events.Topics;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.VisitLocation;
import com.housecall.events.booking.VisitPhase;
import com.housecall.events.booking.VisitRequested;
import com.housecall.testsupport.TopicRecorder;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;

/** Visits booked by handing booking's events straight to the dispatcher, as the Kafka consumers do. */
abstract class VisitScenario extends DispatchIntegration {

    static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @Autowired
    Dispatcher dispatcher;

    record Booked(UUID consultationId, UUID visitId) {
    }

    /** A visit in {@link #STATE} for {@code prefix}, arriving between the two local times (Los Angeles). */
    Booked request(String prefix, LocalDateTime from, LocalDateTime to, Instant requestedAt) {
        UUID consultationId = UUID.randomUUID();
        UUID visitId = UUID.randomUUID();
        dispatcher.requested(VisitLocation.of(new VisitRequested(consultationId, visitId, 1, VisitPhase.INDUCTION,
                List.of(new TimeWindow(from.atZone(LA).toOffsetDateTime(), to.atZone(LA).toOffsetDateTime())), STATE,
                prefix, LA.getId(), requestedAt), address(consultationId, prefix)));
        return new Booked(consultationId, visitId);
    }

    /** Where the patient of a visit in {@link #STATE} for {@code prefix} lives. */
    static LocationUpdated address(UUID consultationId, String prefix) {
        return new LocationUpdated(consultationId, "1 Main St", "Cheyenne", STATE, prefix + "01", LA.getId(), "Ada",
                "+14155550100");
    }

    static <T> T awaitEvent(Booked visit, String type, Class<T> payload) {
        return EventJson.read(topics.awaitOne(Topics.DISPATCH_EVENTS, type, visit.consultationId().toString())
                .value().getBytes(java.nio.charset.StandardCharsets.UTF_8), payload);
    }

    static List<TopicRecorder.Received> events(Booked visit, String type) {
        return topics.matching(r -> type.equals(r.header("ce_type"))
                && visit.consultationId().toString().equals(r.header("ce_subject")));
    }

    static <T> List<T> payloads(Booked visit, String type, Class<T> payload) {
        return events(visit, type).stream()
                .map(r -> EventJson.read(r.value().getBytes(java.nio.charset.StandardCharsets.UTF_8), payload)).toList();
    }

    static final String SCHEDULED = EventTypes.VISIT_SCHEDULED;
}
