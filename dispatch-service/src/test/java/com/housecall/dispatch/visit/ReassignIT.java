package com.housecall.dispatch.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.dispatch.ScheduleCause;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.testsupport.DevJwt;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An operator gives a SCHEDULED visit to a nurse they choose, at the same start (DECISIONS 37): refused with the
 * broken rule named (licence, working hours, time off, overlap), accepted at the boundary, announced once with the
 * same visit id, audited, and seen in both nurses' days.
 */
class ReassignIT extends VisitScenario {

    @Autowired
    OperatorVisitViews views;

    private final String operator = DevJwt.token("operator1");

    @Test
    void aVisitGoesOnlyToANurseWhoMayTakeItAndTheMoveIsAnnouncedOnce() throws Exception {
        String prefix = freshPrefix();
        String elsewhere = freshPrefix();
        LocalDate day = aTuesday(LA);
        UUID alice = addNurse("reassign-a-" + prefix, prefix, "");
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(9, 0), Instant.now());
        VisitScheduled first = awaitEvent(visit, SCHEDULED, VisitScheduled.class);
        assertThat(first.nurseId()).isEqualTo(alice);
        String quoted = "\"" + prefix + "\"";
        // the visit runs 09:00-10:25 in Los Angeles
        UUID unlicensed = addNurse("reassign-mt-" + prefix, "MT", quoted, everyDay("07:00", "19:00"), "");
        UUID shortShift = addNurse("reassign-short-" + prefix, STATE, quoted, everyDay("09:00", "10:24"), "");
        UUID exactShift = addNurse("reassign-exact-" + prefix, STATE, quoted, everyDay("09:00", "10:25"), "");
        UUID away = addNurse("reassign-away-" + prefix, prefix, """
                {"start": "%s", "end": "%s"}""".formatted(day.atTime(10, 0).atZone(LA).toInstant(),
                day.atTime(12, 0).atZone(LA).toInstant()));
        UUID busy = addNurse("reassign-busy-" + prefix, STATE, quoted + ", \"" + elsewhere + "\"",
                everyDay("07:00", "19:00"), "");
        // busy's own visit at 10:45 leaves 20 minutes to travel from 10:25
        Booked other = request(elsewhere, day.atTime(10, 45), day.atTime(10, 45), Instant.now());
        assertThat(awaitEvent(other, SCHEDULED, VisitScheduled.class).nurseId()).isEqualTo(busy);

        assertRefused(visit, unlicensed, "not licensed in the visit's state");
        assertRefused(visit, shortShift, "outside the nurse's working hours");
        assertRefused(visit, away, "time off");
        assertRefused(visit, busy, "overlaps another of the nurse's visits");

        HttpResponse<String> moved = reassign(visit.visitId(), exactShift.toString());

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode answer = json(moved);
        assertThat(answer.get("nurseId").asString()).isEqualTo(exactShift.toString());
        assertThat(answer.get("visitId").asString()).isEqualTo(visit.visitId().toString());
        assertThat(OffsetDateTime.parse(answer.get("start").asString())).isEqualTo(first.start());
        assertThat(answer.get("status").asString()).isEqualTo("SCHEDULED");
        await().atMost(Duration.ofSeconds(30)).until(() -> events(visit, SCHEDULED).size() == 2);
        VisitScheduled announced = payloads(visit, SCHEDULED, VisitScheduled.class).get(1);
        assertThat(announced.visitId()).isEqualTo(visit.visitId());
        assertThat(announced.nurseId()).isEqualTo(exactShift);
        assertThat(announced.cause()).isEqualTo(ScheduleCause.REASSIGNED);
        assertThat(announced.nurseChanged()).isTrue();
        assertThat(announced.start()).isEqualTo(first.start());
        assertThat(announced.previousStart()).isEqualTo(first.start());

        // a retried request changes nothing and is not audited twice
        assertThat(reassign(visit.visitId(), exactShift.toString()).statusCode()).isEqualTo(200);
        assertThat(views.reassignments(visit.visitId())).containsExactly("operator1 " + alice + "->" + exactShift);

        assertThat(visitIds(day(exactShift, day))).containsExactly(visit.visitId().toString());
        assertThat(visitIds(day(alice, day))).isEmpty();
        assertThat(json(get(nurseToken("reassign-exact-" + prefix), "/api/nurse/visits")).get("totalItems").asLong())
                .isEqualTo(1);

        // a cancelled visit is no one's to move
        dispatcher.cancelled(visit.consultationId(), visit.visitId());
        HttpResponse<String> cancelled = reassign(visit.visitId(), alice.toString());
        assertThat(cancelled.statusCode()).isEqualTo(409);
        assertThat(json(cancelled).get("detail").asString()).contains("SCHEDULED").contains("CANCELLED");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() throws Exception {
        String prefix = freshPrefix();
        UUID nurse = addNurse("reassign-input-" + prefix, prefix, "");
        LocalDate day = aTuesday(LA);
        Booked visit = request(prefix, day.atTime(11, 0), day.atTime(11, 0), Instant.now());
        awaitEvent(visit, SCHEDULED, VisitScheduled.class);

        for (String body : new String[] {"{}", "{\"nurseId\": \"nobody\"}",
                "{\"nurseId\": \"" + UUID.randomUUID() + "\"}"}) {
            HttpResponse<String> response = post(operator, "/api/visits/" + visit.visitId() + "/reassign", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/problem+json"));
            assertThat(json(response).get("errors").findValuesAsString("field")).containsExactly("nurseId");
        }
        assertThat(reassign(UUID.randomUUID(), nurse.toString()).statusCode()).isEqualTo(404);
        assertThat(post(operator, "/api/visits/not-a-uuid/reassign", "{\"nurseId\": \"" + nurse + "\"}")
                .statusCode()).isEqualTo(404);
        assertThat(views.reassignments(visit.visitId())).isEmpty();

        HttpResponse<String> badDate = get(operator, "/api/nurses/" + nurse + "/visits?date=12/01/2026");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json(badDate).get("errors").findValuesAsString("field")).containsExactly("date");
        assertThat(get(operator, "/api/nurses/" + UUID.randomUUID() + "/visits").statusCode()).isEqualTo(404);
        JsonNode today = json(get(operator, "/api/nurses/" + nurse + "/visits"));
        assertThat(today.get("timeZone").asString()).isEqualTo(LA.getId());
        assertThat(today.get("date").asString()).isEqualTo(LocalDate.ofInstant(CLOCK.instant(), LA).toString());
    }

    private void assertRefused(Booked visit, UUID nurse, String why) throws Exception {
        HttpResponse<String> refused = reassign(visit.visitId(), nurse.toString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(json(refused).get("detail").asString()).contains(why);
        assertThat(views.reassignments(visit.visitId())).isEmpty();
    }

    private HttpResponse<String> reassign(UUID visitId, String nurseId) throws Exception {
        return post(operator, "/api/visits/" + visitId + "/reassign", "{\"nurseId\": \"" + nurseId + "\"}");
    }

    private JsonNode day(UUID nurse, LocalDate day) throws Exception {
        HttpResponse<String> response = get(operator, "/api/nurses/" + nurse + "/visits?date=" + day);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static java.util.List<String> visitIds(JsonNode day) {
        return day.get("items").findValuesAsString("visitId");
    }
}
