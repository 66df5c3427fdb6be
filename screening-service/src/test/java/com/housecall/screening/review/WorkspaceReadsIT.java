package com.housecall.screening.review;

import static com.housecall.screening.review.ClinicianReviewIT.decision;
import static com.housecall.screening.review.ClinicianReviewIT.path;
import static com.housecall.screening.review.ClinicianReviewIT.screened;
import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.screening.ScreeningIntegration;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** DECISIONS 37: what the clinicians' workspace reads besides the queue: open safety alerts and a case's decisions. */
class WorkspaceReadsIT extends ScreeningIntegration {

    static final String OPEN_ALERTS = "/api/screenings/alerts?open=true&size=100";

    static List<String> alertIds(HttpResponse<String> response) {
        return StreamSupport.stream(json(response).get("items").spliterator(), false)
                .map(item -> item.get("consultationId").asString()).toList();
    }

    @Test
    void anOpenAlertIsListedUntilAClinicianAcknowledgesItThenOnlyAmongAll() throws Exception {
        UUID crisis = screened(38, 2, List.of());
        UUID calm = screened(38, 0, List.of());

        HttpResponse<String> open = get("clinician1", OPEN_ALERTS);
        assertThat(open.statusCode()).isEqualTo(200);
        assertThat(alertIds(open)).contains(crisis.toString()).doesNotContain(calm.toString());
        JsonNode page = json(open);
        assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(100);

        assertThat(post("clinician1", "/api/screenings/" + crisis + "/acknowledge", "").statusCode()).isEqualTo(200);

        assertThat(alertIds(get("clinician1", OPEN_ALERTS))).doesNotContain(crisis.toString());
        HttpResponse<String> all = get("clinician1", "/api/screenings/alerts?open=false&size=100");
        JsonNode acknowledged = StreamSupport.stream(json(all).get("items").spliterator(), false)
                .filter(item -> item.get("consultationId").asString().equals(crisis.toString()))
                .findFirst().orElseThrow();
        assertThat(acknowledged.get("acknowledged").asBoolean()).isTrue();
        assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo("clinician1");
    }

    @Test
    void aCasesDecisionsAreReadBackWithWhoWhenAndTheNote() throws Exception {
        UUID id = screened(38, 0, List.of("Percocet 5/325"));
        HttpResponse<String> none = get("clinician1", "/api/screenings/" + id + "/decisions");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(json(none).get("items").isEmpty()).isTrue();

        HttpResponse<String> declined = post("clinician1", path(id), decision("DECLINE", "opioid dose too high"));
        assertThat(declined.statusCode()).isEqualTo(200);

        JsonNode decisions = json(get("clinician1", "/api/screenings/" + id + "/decisions"));
        assertThat(decisions.get("totalItems").asLong()).isEqualTo(1);
        JsonNode only = decisions.get("items").get(0);
        assertThat(only.get("decision").asString()).isEqualTo("DECLINE");
        assertThat(only.get("note").asString()).isEqualTo("opioid dose too high");
        assertThat(only.get("decidedBy").asString()).isEqualTo("clinician1");
        assertThat(only.get("decidedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    }

    @Test
    void badParametersAnUnknownCaseAndOtherRolesAreRefusedChangingNothing() throws Exception {
        HttpResponse<String> badOpen = get("clinician1", "/api/screenings/alerts?open=maybe");
        assertThat(badOpen.statusCode()).isEqualTo(400);
        assertThat(badOpen.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(badOpen).get("errors").get(0).get("field").asString()).isEqualTo("open");
        assertThat(get("clinician1", "/api/screenings/alerts?size=101").statusCode()).isEqualTo(400);

        assertThat(get("clinician1", "/api/screenings/" + UUID.randomUUID() + "/decisions").statusCode())
                .isEqualTo(404);
        assertThat(get("clinician1", "/api/screenings/not-a-uuid/decisions").statusCode()).isEqualTo(404);

        for (String user : List.of("patient1", "nurse1", "operator1")) {
            assertThat(get(user, OPEN_ALERTS).statusCode()).as(user).isEqualTo(403);
            assertThat(get(user, "/api/screenings/" + UUID.randomUUID() + "/decisions").statusCode()).as(user)
                    .isEqualTo(403);
        }
        assertThat(get(null, OPEN_ALERTS).statusCode()).isEqualTo(401);
    }
}
