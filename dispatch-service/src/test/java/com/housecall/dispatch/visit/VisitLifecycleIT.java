package com.housecall.dispatch.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.events.EventTypes;
import com.housecall.events.booking.VisitCancelReason;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.testsupport.TestEvents;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A nurse moves their own visit along CONTRACT.md section 7's lifecycle, one step at a time. */
class VisitLifecycleIT extends VisitScenario {

    @AfterEach
    void clockBack() {
        CLOCK.reset();
    }

    @Test
    void theNurseMovesTheVisitOneStepAtATimeAndBookingHearsEachStep() throws Exception {
        String prefix = freshPrefix();
        addNurse("lifecycle-" + prefix, prefix, "");
        String nurse = nurseToken("lifecycle-" + prefix);
        LocalDate day = aTuesday(LA);
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        awaitEvent(visit, SCHEDULED, VisitScheduled.class);
        String path = "/api/nurse/visits/" + visit.visitId() + "/status";

        assertThat(post(nurse, path, status("ARRIVED")).statusCode()).as("a skipped step").isEqualTo(409);
        assertThat(post(nurse, path, status("NO_SHOW")).statusCode()).as("no-show before leaving").isEqualTo(409);
        CLOCK.setTo(visitStart(visit).minus(Duration.ofHours(1)));
        for (String step : new String[]{"EN_ROUTE", "ARRIVED", "INFUSION_STARTED", "INFUSION_COMPLETED", "COMPLETED"}) {
            // each step after the least time the one before takes
            CLOCK.setTo(CLOCK.instant().plus(Duration.ofMinutes(35)));
            if (step.equals("INFUSION_STARTED")) {
                recordReadyToInfuse(nurse, visit.visitId());
            } else if (step.equals("COMPLETED")) {
                recordReadyToComplete(nurse, visit.visitId());
            }
            HttpResponse<String> moved = post(nurse, path, status(step));
            assertThat(moved.statusCode()).as(step + ": " + moved.body()).isEqualTo(200);
            assertThat(json(moved).get("status").asString()).isEqualTo(step);
        }
        HttpResponse<String> again = post(nurse, path, status("COMPLETED"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(post(nurse, path, status("SCHEDULED")).statusCode()).as("backwards").isEqualTo(409);
        assertThat(post(nurse, path, status("CANCELLED")).statusCode()).as("not a nurse's move").isEqualTo(409);

        await().atMost(Duration.ofSeconds(60)).until(() -> events(visit, EventTypes.VISIT_STATUS_CHANGED).size() >= 5);
        assertThat(payloads(visit, EventTypes.VISIT_STATUS_CHANGED, VisitStatusChanged.class))
                .extracting(changed -> changed.status().name())
                .containsExactly("EN_ROUTE", "ARRIVED", "INFUSION_STARTED", "INFUSION_COMPLETED", "COMPLETED");
    }

    @Test
    void aRepeatChangesNothingAndNoShowFollowsArrival() throws Exception {
        String prefix = freshPrefix();
        addNurse("noshow-" + prefix, prefix, "");
        String nurse = nurseToken("noshow-" + prefix);
        LocalDate day = aTuesday(LA);
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        awaitEvent(visit, SCHEDULED, VisitScheduled.class);
        String path = "/api/nurse/visits/" + visit.visitId() + "/status";
        CLOCK.setTo(visitStart(visit).minus(Duration.ofHours(1)));

        assertThat(post(nurse, path, status("EN_ROUTE")).statusCode()).isEqualTo(200);
        assertThat(post(nurse, path, status("EN_ROUTE")).statusCode()).isEqualTo(200);
        assertThat(post(nurse, path, status("ARRIVED")).statusCode()).isEqualTo(200);
        assertThat(post(nurse, path, status("NO_SHOW")).statusCode()).isEqualTo(200);
        assertThat(post(nurse, path, status("INFUSION_STARTED")).statusCode()).as("after a no-show").isEqualTo(409);
        assertThat(post(nurse, "/api/nurse/visits/" + visit.visitId() + "/decline", "{\"reason\": \"too late\"}")
                .statusCode()).as("decline after leaving").isEqualTo(409);

        await().atMost(Duration.ofSeconds(60)).until(() -> events(visit, EventTypes.VISIT_STATUS_CHANGED).size() >= 3);
        assertThat(payloads(visit, EventTypes.VISIT_STATUS_CHANGED, VisitStatusChanged.class))
                .extracting(changed -> changed.status().name()).containsExactly("EN_ROUTE", "ARRIVED", "NO_SHOW");
    }

    @Test
    void badInputIs400AndSomeoneElsesVisitIs404() throws Exception {
        String prefix = freshPrefix();
        addNurse("owner-" + prefix, prefix, "");
        addNurse("other-" + prefix, freshPrefix(), "");
        LocalDate day = aTuesday(LA);
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        awaitEvent(visit, SCHEDULED, VisitScheduled.class);
        String path = "/api/nurse/visits/" + visit.visitId() + "/status";
        String owner = nurseToken("owner-" + prefix);

        HttpResponse<String> unknown = post(owner, path, status("TELEPORTED"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).doesNotContain("TELEPORTED");
        HttpResponse<String> missing = post(owner, path, "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("errors").get(0).get("field").asString()).isEqualTo("status");
        HttpResponse<String> blankReason = post(owner, "/api/nurse/visits/" + visit.visitId() + "/decline", "{\"reason\": \" \"}");
        assertThat(blankReason.statusCode()).isEqualTo(400);
        assertThat(json(blankReason).get("errors").get(0).get("field").asString()).isEqualTo("reason");

        assertThat(post(nurseToken("other-" + prefix), path, status("EN_ROUTE")).statusCode()).isEqualTo(404);
        assertThat(post(nurseToken("other-" + prefix), "/api/nurse/visits/" + visit.visitId() + "/decline",
                "{\"reason\": \"x\"}").statusCode()).isEqualTo(404);
        assertThat(post(nurseToken("nobody-on-the-roster"), path, status("EN_ROUTE")).statusCode()).isEqualTo(404);
        assertThat(post(owner, "/api/nurse/visits/" + UUID.randomUUID() + "/status", status("EN_ROUTE")).statusCode())
                .isEqualTo(404);
        assertThat(post(owner, "/api/nurse/visits/not-an-id/status", status("EN_ROUTE")).statusCode()).isEqualTo(404);
        assertThat(json(get(owner, "/api/nurse/visits")).get("items").get(0).get("status").asString())
                .as("nothing moved").isEqualTo("SCHEDULED");
    }

    @Test
    void theNursesListShowsWhatTheVisitNeedsToThatNurseOnly() throws Exception {
        String prefix = freshPrefix();
        addNurse("list-" + prefix, prefix, "");
        addNurse("list-other-" + prefix, freshPrefix(), "");
        LocalDate day = aTuesday(LA);
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(12, 0), Instant.now());
        awaitEvent(visit, SCHEDULED, VisitScheduled.class);

        JsonNode page = json(get(nurseToken("list-" + prefix), "/api/nurse/visits?page=0&size=10"));
        assertThat(page.get("totalItems").asLong()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(10);
        JsonNode item = page.get("items").get(0);
        assertThat(item.get("visitId").asString()).isEqualTo(visit.visitId().toString());
        assertThat(item.get("patient").get("firstName").asString()).isEqualTo("Ada");
        assertThat(item.get("patient").get("phone").asString()).isEqualTo("+14155550100");
        assertThat(item.get("address").get("line1").asString()).isEqualTo("1 Main St");
        assertThat(item.get("start").asString()).isEqualTo(day.atTime(9, 0).atZone(LA).toOffsetDateTime()
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        assertThat(item.get("timeZone").asString()).isEqualTo(LA.getId());
        assertThat(item.get("status").asString()).isEqualTo("SCHEDULED");

        assertThat(json(get(nurseToken("list-other-" + prefix), "/api/nurse/visits")).get("totalItems").asLong()).isZero();
        assertThat(get(nurseToken("list-" + prefix), "/api/nurse/visits?size=101").statusCode()).isEqualTo(400);
    }

    @Test
    void bookingCancelsAVisitAndItsSlotIsFreeAgain() throws Exception {
        String prefix = freshPrefix();
        UUID nurseId = addNurse("cancel-" + prefix, prefix, "");
        LocalDate day = aTuesday(LA);
        Booked first = request(prefix, day.atTime(9, 0), day.atTime(9, 0), Instant.now());
        assertThat(awaitEvent(first, SCHEDULED, VisitScheduled.class).nurseId()).isEqualTo(nurseId);

        TestEvents.publish(new VisitCancelled(first.consultationId(), first.visitId(), 1, VisitCancelReason.PATIENT_REQUEST, Instant.now()),
                "booking-service");
        await().atMost(Duration.ofSeconds(60)).until(() -> json(get(nurseToken("cancel-" + prefix), "/api/nurse/visits"))
                .get("items").get(0).get("status").asString().equals("CANCELLED"));

        Booked second = request(prefix, day.atTime(9, 0), day.atTime(9, 0), Instant.now());
        VisitScheduled rebooked = awaitEvent(second, SCHEDULED, VisitScheduled.class);
        assertThat(rebooked.nurseId()).isEqualTo(nurseId);
        assertThat(rebooked.start().atZoneSameInstant(LA).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        assertThat(post(nurseToken("cancel-" + prefix), "/api/nurse/visits/" + first.visitId() + "/status",
                status("EN_ROUTE")).statusCode()).as("a cancelled visit goes nowhere").isEqualTo(409);
    }

    @Test
    void statusMovesFollowTheClock() throws Exception {
        String prefix = freshPrefix();
        addNurse("clock-" + prefix, prefix, "");
        String nurse = nurseToken("clock-" + prefix);
        LocalDate day = aTuesday(LA);
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(9, 0), Instant.now());
        Instant start = awaitEvent(visit, SCHEDULED, VisitScheduled.class).start().toInstant();
        String path = "/api/nurse/visits/" + visit.visitId() + "/status";

        // days before the visit: not on the way yet, and told from when
        HttpResponse<String> early = post(nurse, path, status("EN_ROUTE"));
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(early.body()).contains("\"type\"");
        assertThat(json(early).get("detail").asString())
                .contains(start.minus(Duration.ofHours(3)).atZone(LA).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        CLOCK.setTo(start.minus(Duration.ofHours(3)).minusSeconds(60));
        assertThat(post(nurse, path, status("EN_ROUTE")).statusCode()).isEqualTo(409);
        CLOCK.setTo(start.minus(Duration.ofHours(3)));
        assertThat(post(nurse, path, status("EN_ROUTE")).statusCode()).isEqualTo(200);
        assertThat(post(nurse, path, status("ARRIVED")).statusCode()).isEqualTo(200);
        Instant infusionFrom = CLOCK.instant();
        recordReadyToInfuse(nurse, visit.visitId());
        assertThat(post(nurse, path, status("INFUSION_STARTED")).statusCode()).isEqualTo(200);

        // the infusion lasts 35 minutes at least, then 30 minutes of observation
        Instant completedFrom = possibleFrom(post(nurse, path, status("INFUSION_COMPLETED")));
        assertThat(completedFrom).isBetween(infusionFrom.plus(Duration.ofMinutes(35)),
                CLOCK.instant().plus(Duration.ofMinutes(35)).plusSeconds(1));
        CLOCK.setTo(completedFrom.minusSeconds(30));
        assertThat(post(nurse, path, status("INFUSION_COMPLETED")).statusCode()).isEqualTo(409);
        CLOCK.setTo(completedFrom);
        assertThat(post(nurse, path, status("INFUSION_COMPLETED")).statusCode()).isEqualTo(200);
        Instant doneFrom = possibleFrom(post(nurse, path, status("COMPLETED")));
        assertThat(doneFrom).isAfterOrEqualTo(completedFrom.plus(Duration.ofMinutes(30)));
        CLOCK.setTo(doneFrom);
        recordReadyToComplete(nurse, visit.visitId());
        HttpResponse<String> done = post(nurse, path, status("COMPLETED"));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json(done).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aCancelLeavesANurseOnTheWayOnIt() throws Exception {
        String prefix = freshPrefix();
        addNurse("cancel-late-" + prefix, prefix, "");
        String nurse = nurseToken("cancel-late-" + prefix);
        LocalDate day = aTuesday(LA);
        Booked visit = request(prefix, day.atTime(9, 0), day.atTime(9, 0), Instant.now());
        CLOCK.setTo(awaitEvent(visit, SCHEDULED, VisitScheduled.class).start().toInstant().minus(Duration.ofHours(1)));
        String path = "/api/nurse/visits/" + visit.visitId() + "/status";
        assertThat(post(nurse, path, status("EN_ROUTE")).statusCode()).isEqualTo(200);

        // DECISIONS 17: a cancel never cancels a visit EN_ROUTE or later
        dispatcher.consultationCancelled(visit.consultationId());
        dispatcher.cancelled(visit.consultationId(), visit.visitId());

        assertThat(json(get(nurse, "/api/nurse/visits")).get("items").get(0).get("status").asString())
                .isEqualTo("EN_ROUTE");
        assertThat(post(nurse, path, status("ARRIVED")).statusCode()).isEqualTo(200);
    }

    /** A 409 for a move too early names the moment it becomes possible, with seconds, in the patient's offset. */
    private static Instant possibleFrom(HttpResponse<String> tooEarly) {
        assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
        Matcher instant = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[-+]\\d{2}:\\d{2}")
                .matcher(json(tooEarly).get("detail").asString());
        assertThat(instant.find()).as(tooEarly.body()).isTrue();
        OffsetDateTime at = OffsetDateTime.parse(instant.group());
        assertThat(at.getOffset()).isEqualTo(LA.getRules().getOffset(at.toInstant()));
        return at.toInstant();
    }

    private static Instant visitStart(Booked visit) {
        return payloads(visit, SCHEDULED, VisitScheduled.class).getLast().start().toInstant();
    }

    private static String status(String status) {
        return "{\"status\": \"" + status + "\"}";
    }
}
