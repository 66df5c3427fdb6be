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

    /** What INFUSION_STARTED needs (CLINICAL-RULES.md section 6), timed now by the service's clock. */
    void recordReadyToInfuse(String nurse, UUID visitId) throws Exception {
        String at = CLOCK.instant().toString();
        for (String entry : List.of(
                "{\"kind\": \"VITALS\", \"at\": \"%s\", \"systolic\": 124, \"diastolic\": 80, "
                        + "\"heartRate\": 72, \"spo2\": 98, \"respiratoryRate\": 14}",
                "{\"kind\": \"DOSE\", \"at\": \"%s\", \"weightKg\": 80, \"mgPerKg\": 0.5, \"totalMg\": 40, "
                        + "\"lot\": \"LOT-7731\", \"expiry\": \"2030-01-31\", \"minutes\": 40}",
                "{\"kind\": \"DRAW\", \"at\": \"%s\", \"lot\": \"LOT-7731\", \"drawnMg\": 50}")) {
            record(nurse, visitId, entry.formatted(at));
        }
    }

    /** What COMPLETED needs: the controlled substance reconciled (10 mg wasted, witnessed) and the discharge. */
    void recordReadyToComplete(String nurse, UUID visitId) throws Exception {
        String at = CLOCK.instant().toString();
        record(nurse, visitId, ("{\"kind\": \"RECONCILE\", \"at\": \"%s\", \"administeredMg\": 40, "
                + "\"wastedMg\": 10, \"witness\": \"witness-rn\"}").formatted(at));
        record(nurse, visitId, ("{\"kind\": \"DISCHARGE\", \"at\": \"%s\", \"alert\": true, \"escort\": true, "
                + "\"notes\": \"Partner drives home\"}").formatted(at));
    }

    java.net.http.HttpResponse<String> record(String nurse, UUID visitId, String entry) throws Exception {
        java.net.http.HttpResponse<String> answer = post(nurse, "/api/nurse/visits/" + visitId + "/record", entry);
        org.assertj.core.api.Assertions.assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return answer;
    }
}
