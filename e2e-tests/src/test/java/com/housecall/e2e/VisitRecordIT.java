package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.e2e.Journey.Answer;
import com.housecall.e2e.Journey.Patient;
import com.housecall.localstack.sms.SmsSink;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19 through the gateway with real Keycloak logins: nurse1 takes a visit from EN_ROUTE to COMPLETED with a
 * full record, a low SpO2 pages the on-call clinician within 5 s, clinician1 acknowledges and reads the record.
 * dispatch's clock is moved so the visit's hours pass at once ({@link Platform#dispatchClock}).
 */
class VisitRecordIT {

    final Journey journey = new Journey();
    static Platform platform;

    @BeforeAll
    static void start() {
        platform = Platform.shared();
    }

    @AfterEach
    void clockBack() {
        platform.dispatchClock.reset();
    }

    @Test
    void nurse1RecordsAWholeVisitAndAnEscalationPagesTheOnCallClinician() throws Exception {
        NurseClockIT.giveNurse1TheOnlyPrefix(journey);
        Patient patient = Patient.in("CA", "America/Los_Angeles", NurseClockIT.NURSE1_ONLY_PREFIX + "02");
        // two months ahead: NurseClockIT books nurse1 from 20 days ahead, and nurse1 alone serves this prefix
        String id = journey.submit(Journey.request(patient, 2, 0, 60));
        journey.awaitStatus(id, "CONFIRMED");
        JsonNode first = Journey.visits(journey.view(id)).getFirst();
        String visitId = first.get("id").asString();
        await().atMost(Journey.PATIENCE).until(() -> NurseClockIT.nurse1Visit(journey, visitId).isPresent());
        String status = "/api/nurse/visits/" + visitId + "/status";
        String record = "/api/nurse/visits/" + visitId + "/record";

        platform.dispatchClock.setTo(OffsetDateTime.parse(first.get("start").asString()).toInstant()
                .minus(Duration.ofHours(1)));
        move(status, "EN_ROUTE");
        move(status, "ARRIVED");
        assertThat(journey.send("nurse1", "POST", status, "{\"status\": \"INFUSION_STARTED\"}").status())
                .as("no record yet").isEqualTo(409);
        entry(record, vitals(98));
        entry(record, """
                {"kind": "DOSE", "at": "%s", "weightKg": 70, "mgPerKg": 0.5, "totalMg": 35, "lot": "LOT-E2E-1",
                 "expiry": "2031-01-31", "minutes": 40}""".formatted(now()));
        entry(record, "{\"kind\": \"DRAW\", \"at\": \"%s\", \"lot\": \"LOT-E2E-1\", \"drawnMg\": 50}".formatted(now()));
        move(status, "INFUSION_STARTED");

        int pagesBefore = pages(id);
        Answer low = entry(record, vitals(88));
        assertThat(low.body().get("onCall").get("phone").asString()).isEqualTo(Platform.ON_CALL_PHONE);
        assertThat(low.body().get("escalation").get("reasons").get(0).asString()).isEqualTo("SPO2_LOW");
        await().atMost(Duration.ofSeconds(5)).until(() -> pages(id) > pagesBefore);
        assertThat(platform.sms.messagesTo(Platform.ON_CALL_PHONE)).map(SmsSink.Received::body)
                .filteredOn(body -> body.contains(id)).allSatisfy(body -> assertThat(body)
                        .contains("/clinician/cases/" + id).doesNotContain("SPO2", "LOT-E2E-1", "Ottilie"));
        Answer acknowledged = journey.send("clinician1", "POST", "/api/visits/" + visitId + "/escalation/acknowledge",
                "{}");
        assertThat(acknowledged.status()).as(acknowledged.text()).isEqualTo(200);

        // vitals every 15 minutes (a longer gap would escalate VITALS_OVERDUE), the infusion and observation times
        for (int minutes : new int[] {15, 15, 6, 15, 16}) {
            platform.dispatchClock.moveBy(Duration.ofMinutes(minutes));
            if (minutes == 6) {
                move(status, "INFUSION_COMPLETED");
            }
            entry(record, vitals(97));
        }
        entry(record, ("{\"kind\": \"RECONCILE\", \"at\": \"%s\", \"administeredMg\": 35, \"wastedMg\": 15, "
                + "\"witness\": \"clinician1\"}").formatted(now()));
        entry(record, ("{\"kind\": \"DISCHARGE\", \"at\": \"%s\", \"alert\": true, \"escort\": true, "
                + "\"notes\": \"Sister drives\"}").formatted(now()));
        move(status, "COMPLETED");

        JsonNode read = journey.ok("clinician1", "GET", "/api/visits/" + visitId + "/record", null);
        assertThat(read.get("entries")).extracting(e -> e.get("kind").asString()).containsExactly("VITALS", "DOSE",
                "DRAW", "VITALS", "VITALS", "VITALS", "VITALS", "VITALS", "VITALS", "RECONCILE", "DISCHARGE");
        assertThat(read.get("escalation").get("acknowledgedBy").asString()).isEqualTo("clinician1");
        await().atMost(Journey.PATIENCE).until(() -> "COMPLETED".equals(Journey.visit(journey.view(id), visitId)
                .get("status").asString()));

        // the operators see the escalation and its acknowledgement, with reason codes, and nothing of the record
        String timeline = journey.send("operator1", "GET", "/api/ops/consultations/" + id + "/timeline", null).text();
        assertThat(timeline).contains("com.housecall.visit.escalated", "com.housecall.visit.escalation-acknowledged",
                "SPO2_LOW").doesNotContain("LOT-E2E-1", "Sister drives", "\"spo2\"", "totalMg");
    }

    private int pages(String consultationId) {
        return (int) platform.sms.messagesTo(Platform.ON_CALL_PHONE).stream()
                .filter(m -> m.body().contains(consultationId)).count();
    }

    private void move(String path, String to) throws Exception {
        Answer moved = journey.send("nurse1", "POST", path, "{\"status\": \"" + to + "\"}");
        assertThat(moved.status()).as(to + ": " + moved.text()).isEqualTo(200);
    }

    private Answer entry(String path, String body) throws Exception {
        Answer answer = journey.send("nurse1", "POST", path, body);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return answer;
    }

    private String vitals(int spo2) {
        return ("{\"kind\": \"VITALS\", \"at\": \"%s\", \"systolic\": 128, \"diastolic\": 82, \"heartRate\": 76, "
                + "\"spo2\": %d, \"respiratoryRate\": 14}").formatted(now(), spo2);
    }

    private static Instant now() {
        return platform.dispatchClock.instant();
    }
}
