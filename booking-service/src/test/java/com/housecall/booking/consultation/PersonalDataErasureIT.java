package com.housecall.booking.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.booking.BookingIntegration;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.testsupport.DevJwt;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code DELETE /api/consultations/{id}/personal-data}: operators only, audited, idempotent; the clinical trail
 * stays.
 */
class PersonalDataErasureIT extends BookingIntegration {

    static final String REASON = "{\"reason\": \"patient asked to be forgotten\"}";

    @Autowired
    JdbcClient jdbc;

    HttpResponse<String> erase(String user, String id, String body) throws Exception {
        return as(user, "DELETE", "/api/consultations/" + id + "/personal-data", body);
    }

    @Test
    void anOperatorErasesTheIdentityAndTheClinicalTrailStays() throws Exception {
        String id = requested();
        topics.awaitOne(Topics.BOOKING_CONTACTS, EventTypes.CONTACT_UPDATED, id);
        get(DevJwt.token("clinician1"), "/api/consultations/" + id);

        assertThat(erase("operator1", id, REASON).statusCode()).isEqualTo(204);

        JsonNode view = view(id);
        assertThat(view.get("patient").toString()).doesNotContain("Ada", "Lovelace", "ada@", "+1415", "1988");
        assertThat(view.get("intake").get("phq9").size()).isEqualTo(9);
        assertThat(view.get("status").asString()).isNotBlank();
        assertThat(view.get("timeline").size()).isPositive();
        assertThat(jdbc.sql("SELECT request_json FROM consultation WHERE id = ?").param(id).query(String.class)
                .single()).doesNotContain("Ada", "Lovelace", "1 Main St", "San Francisco", "94107", "ada@example");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM phi_read_audit WHERE consultation_id = ?").param(id)
                .query(Long.class).single()).isPositive();
        assertThat(topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.PERSONAL_DATA_ERASED, id).value())
                .doesNotContain("Ada");
        Map<String, Object> audit = jdbc.sql("SELECT erased_by, reason, erased_at FROM personal_data_erasure "
                + "WHERE consultation_id = ?").param(id).query().singleRow();
        assertThat(audit).containsEntry("ERASED_BY", "operator1")
                .containsEntry("REASON", "patient asked to be forgotten").containsKey("ERASED_AT");
    }

    @Test
    void aRepeatAnswers204AndChangesNothingElse() throws Exception {
        String id = requested();
        assertThat(erase("operator1", id, REASON).statusCode()).isEqualTo(204);
        topics.awaitOne(Topics.BOOKING_EVENTS, EventTypes.PERSONAL_DATA_ERASED, id);

        assertThat(erase("operator1", id, REASON).statusCode()).isEqualTo(204);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM personal_data_erasure WHERE consultation_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_key = ?").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void unknownIsNotFoundOtherRolesForbiddenAndAReasonRequired() throws Exception {
        HttpResponse<String> unknown = erase("operator1", UUID.randomUUID().toString(), REASON);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(erase("operator1", "not-an-id", REASON).statusCode()).isEqualTo(404);

        String id = requested();
        for (String user : new String[] {"patient1", "clinician1", "nurse1", "clinic-a"}) {
            assertThat(erase(user, id, REASON).statusCode()).as(user).isEqualTo(403);
        }
        HttpResponse<String> noReason = erase("operator1", id, "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(view(id).get("patient").get("givenName").asString()).isEqualTo("Ada");
    }
}
