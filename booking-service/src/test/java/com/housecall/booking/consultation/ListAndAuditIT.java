package com.housecall.booking.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.booking.BookingIntegration;
import com.housecall.localstack.tokens.DemoUsers;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The paged list (CONTRACT.md section 3) and the audit log of PHI reads (section 4). */
class ListAndAuditIT extends BookingIntegration {

    @Autowired
    PhiReadAudit audit;

    @Test
    void patientsListTheirOwnClinicsTheirReferralsAndStaffEverything() throws Exception {
        String mine = requested();

        JsonNode own = json(as("patient1", "GET", "/api/consultations?size=100", null));
        assertThat(own.get("page").asInt()).isZero();
        assertThat(own.get("size").asInt()).isEqualTo(100);
        assertThat(own.get("totalItems").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(own.get("items").get(0).get("id").asString()).isEqualTo(mine);
        assertThat(own.get("items").get(0).get("status").asString()).isNotEmpty();
        assertThat(own.toString()).doesNotContain("Ada", "sertraline");

        JsonNode others = json(as("patient2", "GET", "/api/consultations?size=100", null));
        assertThat(others.get("items").findValuesAsString("id")).doesNotContain(mine);

        JsonNode all = json(as("clinician1", "GET", "/api/consultations", null));
        assertThat(all.get("size").asInt()).isEqualTo(20);
        assertThat(all.get("items").get(0).get("id").asString()).isEqualTo(mine);
        assertThat(all.get("totalItems").asLong()).isGreaterThanOrEqualTo(own.get("totalItems").asLong());
        assertThat(json(as("operator1", "GET", "/api/consultations?page=0&size=1", null)).get("items")).hasSize(1);

        JsonNode clinic = json(as("clinic-a", "GET", "/api/consultations", null));
        assertThat(clinic.get("items")).isEmpty();
        assertThat(clinic.get("totalItems").asLong()).isZero();
        assertThat(as("nurse1", "GET", "/api/consultations", null).statusCode()).isEqualTo(403);
    }

    @Test
    void pagesFollowEachOther() throws Exception {
        requested();
        requested();

        JsonNode first = json(as("patient1", "GET", "/api/consultations?page=0&size=1", null));
        JsonNode second = json(as("patient1", "GET", "/api/consultations?page=1&size=1", null));

        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("items").get(0).get("id").asString()).isNotEqualTo(first.get("items").get(0).get("id").asString());
        JsonNode beyond = json(as("patient1", "GET", "/api/consultations?page=100000&size=100", null));
        assertThat(beyond.get("items")).isEmpty();
    }

    @Test
    void operatorsFindAConsultationByTheStartOfItsIdAndByStatusWithinWhatTheCallerMaySee() throws Exception {
        String open = requested();
        String cancelled = requested();
        assertThat(as("patient1", "POST", "/api/consultations/" + cancelled + "/cancel", null).statusCode())
                .isEqualTo(200);

        JsonNode byPrefix = json(as("operator1", "GET", "/api/consultations?idPrefix=" + open.substring(0, 8), null));
        assertThat(byPrefix.get("items").findValuesAsString("id")).contains(open)
                .allMatch(id -> id.startsWith(open.substring(0, 8)));
        JsonNode upperCase = json(as("operator1", "GET", "/api/consultations?idPrefix=" + open.toUpperCase(), null));
        assertThat(upperCase.get("items").findValuesAsString("id")).containsExactly(open);
        assertThat(upperCase.get("totalItems").asLong()).isEqualTo(1);
        assertThat(upperCase.toString()).doesNotContain("Ada", "sertraline");

        JsonNode both = json(as("operator1", "GET", "/api/consultations?status=CANCELLED&idPrefix=" + cancelled, null));
        assertThat(both.get("items").findValuesAsString("id")).containsExactly(cancelled);
        JsonNode none = json(as("operator1", "GET", "/api/consultations?status=CANCELLED&idPrefix=" + open, null));
        assertThat(none.get("items")).isEmpty();
        assertThat(none.get("totalItems").asLong()).isZero();
        JsonNode allCancelled = json(as("operator1", "GET", "/api/consultations?status=cancelled&size=100", null));
        assertThat(allCancelled.get("items").findValuesAsString("status")).isNotEmpty().containsOnly("CANCELLED");
        assertThat(json(as("patient2", "GET", "/api/consultations?idPrefix=" + open, null)).get("items")).isEmpty();
    }

    @Test
    void anUnknownStatusOrAPrefixThatIsNoIdIs400() throws Exception {
        String tooLong = UUID.randomUUID() + "0";
        for (String query : new String[] {"status=NOPE", "idPrefix=%25", "idPrefix=6f1c_", "idPrefix=" + tooLong}) {
            HttpResponse<String> response = as("operator1", "GET", "/api/consultations?" + query, null);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/problem+json"));
            assertThat(json(response).get("errors").findValuesAsString("field")).as(query)
                    .containsAnyOf("status", "idPrefix");
        }
    }

    @Test
    void pageAndSizeOutOfRangeAre400() throws Exception {
        for (String query : new String[] {"size=101", "size=0", "page=-1", "size=abc", "page=1.5"}) {
            HttpResponse<String> response = as("clinician1", "GET", "/api/consultations?" + query, null);

            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(json(response).get("errors").findValuesAsString("field")).as(query)
                    .containsAnyOf("page", "size");
        }
    }

    @Test
    void theAuditLogRecordsAClinicianReadAndAPatientReadButNoReadWithoutPhi() throws Exception {
        String id = requested();

        as("clinician1", "GET", "/api/consultations/" + id, null);
        as("patient1", "GET", "/api/consultations/" + id, null);
        as("operator1", "GET", "/api/consultations/" + id, null);
        as("patient2", "GET", "/api/consultations/" + id, null);

        assertThat(audit.reads(UUID.fromString(id))).satisfiesExactly(
                clinician -> {
                    assertThat(clinician.readerSubject()).isEqualTo(DemoUsers.require("clinician1").subject().toString());
                    assertThat(clinician.readerUsername()).isEqualTo("clinician1");
                    assertThat(clinician.readerClient()).isEqualTo("housecall-web");
                    assertThat(clinician.readerRoles()).isEqualTo("clinician");
                    assertThat(clinician.readAt()).isNotNull();
                },
                patient -> {
                    assertThat(patient.readerSubject()).isEqualTo(DemoUsers.require("patient1").subject().toString());
                    assertThat(patient.readerUsername()).isEqualTo("patient1");
                    assertThat(patient.access()).isEqualTo("GET consultation");
                });
    }
}
