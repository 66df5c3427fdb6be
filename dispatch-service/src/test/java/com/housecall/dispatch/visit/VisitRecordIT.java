package com.housecall.dispatch.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.dispatch.record.EscalationTimer;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.events.dispatch.EscalationReason;
import com.housecall.events.dispatch.VisitEscalated;
import com.housecall.events.dispatch.VisitEscalationAcknowledged;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.testsupport.DevJwt;
import com.housecall.testsupport.TopicRecorder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19 over dispatch's real HTTP and Kafka: the nurse's record gates the status moves, escalates to the
 * on-call clinician (at once, on a timer, repeating until acknowledged), every read is audited, and no record
 * value reaches the shared topic.
 */
class VisitRecordIT extends VisitScenario {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void clockBack() {
        CLOCK.reset();
    }

    record Started(Booked visit, String nurse, String status, String record) {
    }

    /** A visit of a fresh nurse, its clock an hour before the start (not late yet), the nurse arrived. */
    Started arrived(String name) throws Exception {
        String prefix = freshPrefix();
        addNurse(name + "-" + prefix, prefix, "");
        String nurse = nurseToken(name + "-" + prefix);
        LocalDate day = aTuesday(LA);
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        Instant start = awaitEvent(visit, SCHEDULED, VisitScheduled.class).start().toInstant();
        CLOCK.setTo(start.minus(Duration.ofHours(1)));
        Started started = new Started(visit, nurse, "/api/nurse/visits/" + visit.visitId() + "/status",
                "/api/nurse/visits/" + visit.visitId() + "/record");
        assertThat(post(nurse, started.record(), vitals(CLOCK.instant(), 124, 80)).statusCode())
                .as("no record before the arrival").isEqualTo(409);
        assertThat(post(nurse, started.status(), status("EN_ROUTE")).statusCode()).isEqualTo(200);
        assertThat(post(nurse, started.status(), status("ARRIVED")).statusCode()).isEqualTo(200);
        return started;
    }

    @Test
    void aFullRecordTakesTheVisitToCompletedAndEveryReadIsAudited() throws Exception {
        Started s = arrived("record");
        HttpResponse<String> bare = post(s.nurse(), s.status(), status("INFUSION_STARTED"));
        assertThat(bare.statusCode()).as(bare.body()).isEqualTo(409);
        assertThat(bare.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(json(bare).get("detail").asString()).contains("VITALS", "DOSE");

        HttpResponse<String> bad = post(s.nurse(), s.record(), vitals(CLOCK.instant(), 300, 80));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("errors").get(0).get("field").asString()).isEqualTo("systolic");
        assertThat(bad.body()).doesNotContain("300");
        HttpResponse<String> old = post(s.nurse(), s.record(), vitals(CLOCK.instant().minus(Duration.ofMinutes(31)),
                124, 80));
        assertThat(json(old).get("errors").get(0).get("field").asString()).isEqualTo("at");
        HttpResponse<String> unknownKind = post(s.nurse(), s.record(), "{\"kind\": \"HUG\", \"at\": \"%s\"}"
                .formatted(CLOCK.instant()));
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        HttpResponse<String> orphan = post(s.nurse(), s.record(), ("{\"kind\": \"RECONCILE\", \"at\": \"%s\", "
                + "\"administeredMg\": 0, \"wastedMg\": 0}").formatted(CLOCK.instant()));
        assertThat(orphan.statusCode()).as("nothing drawn yet").isEqualTo(409);

        recordReadyToInfuse(s.nurse(), s.visit().visitId());
        assertThat(post(s.nurse(), s.status(), status("INFUSION_STARTED")).statusCode()).isEqualTo(200);
        CLOCK.setTo(CLOCK.instant().plus(Duration.ofMinutes(14)));
        record(s.nurse(), s.visit().visitId(), vitals(CLOCK.instant(), 128, 82));
        CLOCK.setTo(CLOCK.instant().plus(Duration.ofMinutes(14)));
        record(s.nurse(), s.visit().visitId(), vitals(CLOCK.instant(), 130, 84));
        CLOCK.setTo(CLOCK.instant().plus(Duration.ofMinutes(7)));
        assertThat(post(s.nurse(), s.status(), status("INFUSION_COMPLETED")).statusCode()).isEqualTo(200);
        record(s.nurse(), s.visit().visitId(), vitals(CLOCK.instant(), 122, 80));
        CLOCK.setTo(CLOCK.instant().plus(Duration.ofMinutes(15)));
        record(s.nurse(), s.visit().visitId(), vitals(CLOCK.instant(), 120, 78));
        CLOCK.setTo(CLOCK.instant().plus(Duration.ofMinutes(15)));

        HttpResponse<String> unreconciled = post(s.nurse(), s.status(), status("COMPLETED"));
        assertThat(unreconciled.statusCode()).isEqualTo(409);
        assertThat(json(unreconciled).get("detail").asString()).contains("RECONCILE", "DISCHARGE");
        HttpResponse<String> discrepancy = post(s.nurse(), s.record(), ("{\"kind\": \"RECONCILE\", \"at\": \"%s\", "
                + "\"administeredMg\": 40, \"wastedMg\": 9, \"witness\": \"witness-rn\"}").formatted(CLOCK.instant()));
        assertThat(discrepancy.statusCode()).isEqualTo(400);
        assertThat(json(discrepancy).get("errors").get(0).get("field").asString()).isEqualTo("administeredMg");
        recordReadyToComplete(s.nurse(), s.visit().visitId());
        HttpResponse<String> done = post(s.nurse(), s.status(), status("COMPLETED"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(post(s.nurse(), s.record(), vitals(CLOCK.instant(), 120, 78)).statusCode())
                .as("the record closes with the visit").isEqualTo(409);

        JsonNode forNurse = json(get(s.nurse(), s.record()));
        assertThat(forNurse.get("entries")).extracting(e -> e.get("kind").asString()).containsExactly("VITALS",
                "DOSE", "DRAW", "VITALS", "VITALS", "VITALS", "VITALS", "RECONCILE", "DISCHARGE");
        assertThat(forNurse.get("onCall").get("advice").asString()).contains("911");
        assertThat(forNurse.has("escalation")).as("nothing went wrong").isFalse();
        JsonNode forClinician = json(get(DevJwt.token("clinician1"), "/api/visits/" + s.visit().visitId() + "/record"));
        assertThat(forClinician.get("entries").get(1).get("lot").asString()).isEqualTo("LOT-7731");
        assertThat(forClinician.has("onCall")).isFalse();
        assertThat(get(nurseToken("nobody-" + s.visit().visitId()), s.record()).statusCode()).isEqualTo(404);
        assertThat(get(DevJwt.token("clinician1"), "/api/visits/not-an-id/record").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT access FROM visit_record_read_audit WHERE visit_id = ? ORDER BY id")
                .param(s.visit().visitId()).query(String.class).list())
                .as("every answer that showed the record").hasSize(11)
                .endsWith("nurse-record", "clinician-record");
        assertNoRecordValueOnTheSharedTopic(s.visit());
    }

    @Test
    void aHighPressureBeforeTheInfusionBlocksItAndPagesUntilAcknowledged() throws Exception {
        Started s = arrived("pressure");
        recordReadyToInfuse(s.nurse(), s.visit().visitId());
        HttpResponse<String> high = record(s.nurse(), s.visit().visitId(), vitals(CLOCK.instant(), 165, 95));
        assertThat(json(high).get("escalation").get("reasons").get(0).asString())
                .isEqualTo("PRE_INFUSION_BLOOD_PRESSURE");
        assertThat(json(high).get("onCall").get("phone").asString()).startsWith("+1");
        VisitEscalated first = awaitEvent(s.visit(), EventTypes.VISIT_ESCALATED, VisitEscalated.class);
        assertThat(first.reasons()).containsExactly(EscalationReason.PRE_INFUSION_BLOOD_PRESSURE);
        assertThat(first.sequence()).isEqualTo(1);
        HttpResponse<String> blocked = post(s.nurse(), s.status(), status("INFUSION_STARTED"));
        assertThat(blocked.statusCode()).isEqualTo(409);
        assertThat(json(blocked).get("detail").asString()).contains("blood pressure");

        // unacknowledged, it is raised again 15 minutes later
        CLOCK.setTo(CLOCK.instant().plus(Duration.ofMinutes(15)));
        await().atMost(PATIENCE).until(() -> payloads(s.visit(), EventTypes.VISIT_ESCALATED, VisitEscalated.class)
                .stream().anyMatch(e -> e.sequence() == 2));
        String acknowledge = "/api/visits/" + s.visit().visitId() + "/escalation/acknowledge";
        assertThat(post(s.nurse(), acknowledge, "").statusCode()).as("a clinician's move").isEqualTo(403);
        HttpResponse<String> taken = post(DevJwt.token("clinician1"), acknowledge, "");
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(json(taken).get("acknowledgedBy").asString()).isEqualTo("clinician1");
        assertThat(post(DevJwt.token("clinician1"), acknowledge, "").statusCode()).as("again").isEqualTo(200);
        awaitEvent(s.visit(), EventTypes.VISIT_ESCALATION_ACKNOWLEDGED, VisitEscalationAcknowledged.class);

        // re-measured after rest, within range: the infusion may start
        CLOCK.setTo(CLOCK.instant().plus(Duration.ofMinutes(1)));
        record(s.nurse(), s.visit().visitId(), vitals(CLOCK.instant(), 148, 88));
        assertThat(post(s.nurse(), s.status(), status("INFUSION_STARTED")).statusCode()).isEqualTo(200);
        CLOCK.setTo(CLOCK.instant().plus(Duration.ofMinutes(16)));
        long repeats = events(s.visit(), EventTypes.VISIT_ESCALATED).size();
        await().atMost(PATIENCE).until(() -> events(s.visit(), EventTypes.VISIT_ESCALATION_ACKNOWLEDGED).size() == 1);
        assertThat(events(s.visit(), EventTypes.VISIT_ESCALATED)).as("no repeat after the acknowledgement")
                .hasSize((int) repeats);
    }

    @Test
    void vitalsOverdueDuringTheInfusionEscalatesOncePerGap() throws Exception {
        Started s = arrived("overdue");
        recordReadyToInfuse(s.nurse(), s.visit().visitId());
        assertThat(post(s.nurse(), s.status(), status("INFUSION_STARTED")).statusCode()).isEqualTo(200);
        Instant lastVitals = CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        record(s.nurse(), s.visit().visitId(), vitals(lastVitals, 126, 82));

        // the clock keeps ticking from where it is set: a few seconds short of the limit while the timer looks
        CLOCK.setTo(lastVitals.plus(Duration.ofMinutes(20)).minusSeconds(5));
        awaitTimerBatches();
        assertThat(events(s.visit(), EventTypes.VISIT_ESCALATED)).as("a 20-minute gap is allowed").isEmpty();
        CLOCK.setTo(lastVitals.plus(Duration.ofMinutes(20)).plusSeconds(1));
        VisitEscalated overdue = awaitEvent(s.visit(), EventTypes.VISIT_ESCALATED, VisitEscalated.class);
        assertThat(overdue.reasons()).containsExactly(EscalationReason.VITALS_OVERDUE);
        awaitTimerBatches();
        assertThat(events(s.visit(), EventTypes.VISIT_ESCALATED)).as("once per gap").hasSize(1);

        // a severe adverse event joins the open escalation and is announced at once
        HttpResponse<String> severe = record(s.nurse(), s.visit().visitId(), ("{\"kind\": \"ADVERSE_EVENT\", "
                + "\"at\": \"%s\", \"code\": \"RESPIRATORY\", \"severity\": \"SEVERE\", \"action\": \"Oxygen given\"}")
                .formatted(CLOCK.instant()));
        assertThat(json(severe).get("escalation").get("reasons")).extracting(JsonNode::asString)
                .containsExactly("VITALS_OVERDUE", "SEVERE_ADVERSE_EVENT");
        await().atMost(PATIENCE).until(() -> events(s.visit(), EventTypes.VISIT_ESCALATED).size() == 2);
        assertNoRecordValueOnTheSharedTopic(s.visit());
    }

    @Test
    void onlyTheAssignedNurseRecordsAndReads() throws Exception {
        Started s = arrived("owner");
        addNurse("stranger-" + s.visit().visitId(), freshPrefix(), "");
        String stranger = nurseToken("stranger-" + s.visit().visitId());
        assertThat(post(stranger, s.record(), vitals(CLOCK.instant(), 124, 80)).statusCode()).isEqualTo(404);
        assertThat(get(stranger, s.record()).statusCode()).isEqualTo(404);
        assertThat(get(DevJwt.token("clinician1"), s.record()).statusCode()).isEqualTo(403);
        assertThat(get(s.nurse(), "/api/visits/" + s.visit().visitId() + "/record").statusCode()).isEqualTo(403);
        assertThat(json(get(s.nurse(), s.record())).get("entries")).as("nothing stored").isEmpty();
    }

    /** The redaction check: ids, codes and times only on dispatch.events.v1, never a record value. */
    private static void assertNoRecordValueOnTheSharedTopic(Booked visit) {
        List<TopicRecorder.Received> shared = topics.matching(r -> Topics.DISPATCH_EVENTS.equals(r.topic())
                && visit.consultationId().toString().equals(r.header("ce_subject")));
        assertThat(shared).isNotEmpty().allSatisfy(r -> assertThat(r.value()).doesNotContain("LOT-7731",
                "systolic", "weightKg", "witness", "Partner drives", "Oxygen", "mgPerKg", "drawnMg"));
    }

    private void awaitTimerBatches() {
        long seen = timer.batches();
        await().atMost(PATIENCE).until(() -> timer.batches() >= seen + 2);
    }

    @Autowired
    EscalationTimer timer;

    private static String vitals(Instant at, int systolic, int diastolic) {
        return ("{\"kind\": \"VITALS\", \"at\": \"%s\", \"systolic\": %d, \"diastolic\": %d, \"heartRate\": 72, "
                + "\"spo2\": 98, \"respiratoryRate\": 14}").formatted(at, systolic, diastolic);
    }

    private static String status(String status) {
        return "{\"status\": \"" + status + "\"}";
    }
}
