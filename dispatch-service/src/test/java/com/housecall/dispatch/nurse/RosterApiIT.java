package com.housecall.dispatch.nurse;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.dispatch.DispatchIntegration;
import com.housecall.testsupport.DevJwt;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Operators keep the roster (CONTRACT.md section 7); each nurse keeps their own shifts and time off. */
class RosterApiIT extends DispatchIntegration {

    private final String operator = DevJwt.token("operator1");

    private static String nurse(String username, String timeZone, String shifts, String timeOff) {
        return """
                {"displayName": "Rosa M.", "username": "%s", "timeZone": "%s", "licenseStates": ["NV", "CA"],
                 "skills": ["IV_THERAPY", "ACLS"], "homePostalCode": "89101", "serviceAreaPrefixes": ["891", "890"],
                 "shifts": [%s], "timeOff": [%s]}""".formatted(username, timeZone, shifts, timeOff);
    }

    @Test
    void anOperatorAddsANurseAndReadsItBack() throws Exception {
        HttpResponse<String> created = post(operator, "/api/nurses", nurse("rosa", "America/Los_Angeles",
                """
                {"dayOfWeek": "MONDAY", "start": "08:00", "end": "16:30"}""",
                """
                {"start": "2026-12-24T00:00:00Z", "end": "2026-12-27T00:00:00Z"}"""));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        String id = body.get("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/nurses/" + id));
        assertThat(body.get("displayName").asString()).isEqualTo("Rosa M.");
        assertThat(body.get("username").asString()).isEqualTo("rosa");
        assertThat(body.get("timeZone").asString()).isEqualTo("America/Los_Angeles");
        assertThat(strings(body.get("licenseStates"))).containsExactly("CA", "NV");
        assertThat(strings(body.get("serviceAreaPrefixes"))).containsExactly("890", "891");
        assertThat(body.get("homePostalCode").asString()).isEqualTo("89101");
        assertThat(body.get("shifts").get(0).get("dayOfWeek").asString()).isEqualTo("MONDAY");
        assertThat(body.get("shifts").get(0).get("start").asString()).isEqualTo("08:00");
        assertThat(body.get("shifts").get(0).get("end").asString()).isEqualTo("16:30");
        assertThat(body.get("timeOff").get(0).get("start").asString()).isEqualTo("2026-12-24T00:00:00Z");

        HttpResponse<String> read = get(operator, "/api/nurses/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read)).isEqualTo(body);

        JsonNode page = json(get(operator, "/api/nurses?size=100"));
        assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(111);
        assertThat(page.get("size").asInt()).isEqualTo(100);
        assertThat(page.get("items")).hasSize(100);
        List<String> everyone = new ArrayList<>();
        for (int p = 0; p * 100 < page.get("totalItems").asLong(); p++) {
            everyone.addAll(strings(json(get(operator, "/api/nurses?size=100&page=" + p)).get("items"), "username"));
        }
        assertThat(everyone).contains("nurse1", "nurse10", "nurse-tx-1", "nurse-dc-2", "rosa").doesNotHaveDuplicates();
    }

    @Test
    void anOperatorReplacesANurse() throws Exception {
        String id = json(post(operator, "/api/nurses", nurse("sam", "America/Los_Angeles", "", ""))).get("id").asString();

        HttpResponse<String> replaced = put(operator, "/api/nurses/" + id, nurse("sam", "America/Denver",
                """
                {"dayOfWeek": "FRIDAY", "start": "09:00", "end": "17:00"}""", ""));

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(json(replaced).get("timeZone").asString()).isEqualTo("America/Denver");
        assertThat(json(replaced).get("shifts")).hasSize(1);
        assertThat(json(get(operator, "/api/nurses/" + id)).get("shifts").get(0).get("dayOfWeek").asString())
                .isEqualTo("FRIDAY");
        assertThat(put(operator, "/api/nurses/" + java.util.UUID.randomUUID(), nurse("sam-2", "UTC", "", "")).statusCode())
                .isEqualTo(404);
        assertThat(get(operator, "/api/nurses/not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    void aUsernameIsOnTheRosterOnce() throws Exception {
        assertThat(post(operator, "/api/nurses", nurse("kim", "UTC", "", "")).statusCode()).isEqualTo(201);
        HttpResponse<String> again = post(operator, "/api/nurses", nurse("kim", "UTC", "", ""));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).doesNotContain("kim");
    }

    @Test
    void invalidFieldsAreNamedWithTheirPaths() throws Exception {
        HttpResponse<String> response = post(operator, "/api/nurses", """
                {"displayName": "", "username": "x", "timeZone": "America/LA", "licenseStates": ["California"],
                 "skills": [], "homePostalCode": "1234", "serviceAreaPrefixes": ["9410"],
                 "shifts": [{"dayOfWeek": "MONDAY", "start": "10:00"}], "timeOff": []}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(strings(json(response).get("errors"), "field")).contains("displayName", "licenseStates[0]",
                "homePostalCode", "serviceAreaPrefixes[0]", "shifts[0].end");
        assertThat(response.body()).doesNotContain("California", "9410");

        HttpResponse<String> badZone = post(operator, "/api/nurses", nurse("zone", "Mars/Olympus", """
                {"dayOfWeek": "MONDAY", "start": "18:00", "end": "09:00"}""", """
                {"start": "2026-12-24T00:00:00Z", "end": "2026-12-23T00:00:00Z"}"""));
        assertThat(badZone.statusCode()).isEqualTo(400);
        assertThat(strings(json(badZone).get("errors"), "field")).containsExactlyInAnyOrder("timeZone", "shifts[0].end",
                "timeOff[0].end");
        assertThat(badZone.body()).doesNotContain("Mars");
    }

    @Test
    void licencesAndSkillsComeFromTheKnownCodes() throws Exception {
        HttpResponse<String> territory = post(operator, "/api/nurses", nurse("codes", "UTC", "", "")
                .replace("[\"NV\", \"CA\"]", "[\"NV\", \"PR\"]").replace("[\"IV_THERAPY\", \"ACLS\"]",
                        "[\"IV_THERAPY\", \"JUGGLING\"]"));

        assertThat(territory.statusCode()).as(territory.body()).isEqualTo(400);
        assertThat(territory.body()).contains("\"type\"");
        assertThat(strings(json(territory).get("errors"), "field")).containsExactlyInAnyOrder("licenseStates[1]",
                "skills[1]");
        assertThat(territory.body()).doesNotContain("JUGGLING");
        // nothing was added: the username is still free
        HttpResponse<String> every = post(operator, "/api/nurses", nurse("codes", "UTC", "", "")
                .replace("[\"IV_THERAPY\", \"ACLS\"]", "[\"IV_THERAPY\", \"ACLS\", \"PALS\", \"PHLEBOTOMY\", \"PSYCH\"]")
                .replace("[\"NV\", \"CA\"]", "[\"DC\", \"WY\"]"));
        assertThat(every.statusCode()).as(every.body()).isEqualTo(201);
        assertThat(strings(json(every).get("skills"))).hasSize(5);
    }

    @Test
    void aNurseIsActiveUntilAnOperatorSaysOtherwise() throws Exception {
        JsonNode added = json(post(operator, "/api/nurses", nurse("active-nurse", "UTC", "", "")));
        assertThat(added.get("active").asBoolean()).isTrue();
        String id = added.get("id").asString();
        String inactive = nurse("active-nurse", "UTC", "", "").replace("\"timeOff\"", "\"active\": false, \"timeOff\"");

        assertThat(json(put(operator, "/api/nurses/" + id, inactive)).get("active").asBoolean()).isFalse();
        assertThat(json(put(operator, "/api/nurses/" + id, nurse("active-nurse", "UTC", "", ""))).get("active")
                .asBoolean()).as("absent: unchanged").isFalse();
        assertThat(json(get(operator, "/api/nurses/" + id)).get("active").asBoolean()).isFalse();
    }

    @Test
    void aNurseSetsTheirOwnAvailabilityOnly() throws Exception {
        post(operator, "/api/nurses", nurse("avail-nurse", "America/Chicago", """
                {"dayOfWeek": "MONDAY", "start": "08:00", "end": "16:00"}""", ""));
        String self = nurseToken("avail-nurse");

        HttpResponse<String> own = get(self, "/api/nurse/availability");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json(own).get("timeZone").asString()).isEqualTo("America/Chicago");
        assertThat(json(own).get("shifts")).hasSize(1);

        HttpResponse<String> changed = put(self, "/api/nurse/availability", """
                {"shifts": [{"dayOfWeek": "TUESDAY", "start": "07:00", "end": "19:00"},
                            {"dayOfWeek": "WEDNESDAY", "start": "07:00", "end": "12:00"}],
                 "timeOff": [{"start": "2026-12-31T18:00:00-06:00", "end": "2027-01-02T00:00:00Z"}]}""");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(strings(json(changed).get("shifts"), "dayOfWeek")).containsExactly("TUESDAY", "WEDNESDAY");
        assertThat(json(changed).get("timeOff").get(0).get("start").asString()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(json(get(self, "/api/nurse/availability")).get("shifts")).hasSize(2);

        HttpResponse<String> invalid = put(self, "/api/nurse/availability", """
                {"shifts": [{"dayOfWeek": "SOMEDAY", "start": "07:00", "end": "19:00"}], "timeOff": []}""");
        assertThat(invalid.statusCode()).isEqualTo(400);
        HttpResponse<String> backwards = put(self, "/api/nurse/availability", """
                {"shifts": [{"dayOfWeek": "MONDAY", "start": "19:00", "end": "07:00"}], "timeOff": [{"start": null, "end": "2027-01-02T00:00:00Z"}]}""");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(strings(json(backwards).get("errors"), "field")).contains("timeOff[0].start");

        // nurse1's availability is nurse1's: this nurse's change left it alone
        assertThat(json(get(DevJwt.token("nurse1"), "/api/nurse/availability")).get("shifts")).hasSize(6);
        assertThat(get(nurseToken("not-on-the-roster"), "/api/nurse/availability").statusCode()).isEqualTo(404);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    private static List<String> strings(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asString()));
        return values;
    }
}
