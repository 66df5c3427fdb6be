package com.housecall.booking.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.housecall.booking.BookingIntegration;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import com.housecall.testsupport.TopicRecorder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code PUT /api/consultations/{id}/contact} (DECISIONS 37): the owner changes how they are reached. */
class ContactChangeIT extends BookingIntegration {

    static final String EMAIL_ONLY = """
            {"email": "ada.new@example.test", "phone": "+14155550199", "preferredChannels": ["EMAIL"],
             "consent": {"sms": false, "email": true}}""";

    static String contact(String id) {
        return "/api/consultations/" + id + "/contact";
    }

    List<TopicRecorder.Received> contactEvents(String id) {
        return topics.matching(r -> id.equals(r.header("ce_subject"))
                && EventTypes.CONTACT_UPDATED.equals(r.header("ce_type")));
    }

    @Test
    void theOwnerChangesChannelsConsentsAndContactsAndNotificationIsTold() throws Exception {
        String id = requested();
        topics.awaitOne(Topics.BOOKING_CONTACTS, EventTypes.CONTACT_UPDATED, id);

        HttpResponse<String> changed = as("patient1", "PUT", contact(id), EMAIL_ONLY);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode patient = json(changed).get("patient");
        assertThat(patient.get("email").asString()).isEqualTo("ada.new@example.test");
        assertThat(patient.get("phone").asString()).isEqualTo("+14155550199");
        assertThat(patient.get("givenName").asString()).isEqualTo("Ada");
        await().atMost(Duration.ofSeconds(30)).until(() -> contactEvents(id).size() == 2);
        TopicRecorder.Received latest = contactEvents(id).getLast();
        assertThat(latest.topic()).isEqualTo(Topics.BOOKING_CONTACTS);
        JsonNode event = JSON.readTree(topics.opened(latest));
        assertThat(event.get("preferredChannels").toString()).isEqualTo("[\"EMAIL\"]");
        assertThat(event.get("consent").get("sms").asBoolean()).isFalse();
        assertThat(event.get("consent").get("email").asBoolean()).isTrue();
        assertThat(event.get("email").asString()).isEqualTo("ada.new@example.test");
        assertThat(event.get("givenName").asString()).isEqualTo("Ada");
        assertThat(event.get("timeZone").asString()).isEqualTo("America/Los_Angeles");
        // kept: a later read shows the new contacts, the treatment consent untouched
        assertThat(view(id).get("patient").get("email").asString()).isEqualTo("ada.new@example.test");
    }

    @Test
    void theOwnersViewCarriesTheCurrentChannelsConsentsAndZoneThatTheAppStartsFrom() throws Exception {
        String id = requested();
        String own = "/api/consultations/" + id;

        JsonNode asRequested = json(as("patient1", "GET", own, null)).get("contact");
        assertThat(asRequested.get("preferredChannels").toString()).isEqualTo("[\"SMS\",\"EMAIL\"]");
        assertThat(asRequested.get("consent").toString()).isEqualTo("{\"sms\":true,\"email\":true}");
        // the zone a new visit time is read in: a visit's own offset may be the other side of a daylight-saving change
        assertThat(asRequested.get("timeZone").asString()).isEqualTo("America/Los_Angeles");

        JsonNode answered = json(as("patient1", "PUT", contact(id), EMAIL_ONLY)).get("contact");
        assertThat(answered.get("preferredChannels").toString()).isEqualTo("[\"EMAIL\"]");
        assertThat(answered.get("consent").toString()).isEqualTo("{\"sms\":false,\"email\":true}");
        assertThat(json(as("patient1", "GET", own, null)).get("contact")).isEqualTo(answered);
        // with the patient's other PHI: an operator sees neither
        assertThat(json(as("operator1", "GET", own, null)).has("contact")).isFalse();
    }

    @Test
    void aChannelWithoutItsContactOrConsentIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        String id = requested();
        topics.awaitOne(Topics.BOOKING_CONTACTS, EventTypes.CONTACT_UPDATED, id);

        HttpResponse<String> refused = as("patient1", "PUT", contact(id), """
                {"email": null, "phone": "+14155550199", "preferredChannels": ["SMS", "EMAIL"],
                 "consent": {"sms": false, "email": true}}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(refused).get("errors").findValuesAsString("field")).contains("email", "consent.sms");
        assertThat(as("patient1", "PUT", contact(id), """
                {"phone": "415 555 0199", "preferredChannels": ["SMS"], "consent": {"sms": true, "email": false}}""")
                .statusCode()).isEqualTo(400);
        assertThat(as("patient1", "PUT", contact(id), """
                {"preferredChannels": ["PIGEON"], "consent": {"sms": true, "email": false}}""").statusCode())
                .isEqualTo(400);
        assertThat(as("patient1", "PUT", contact(id), "{\"preferredChannels\": []}").statusCode()).isEqualTo(400);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> contactEvents(id).size() == 1);
        assertThat(view(id).get("patient").get("email").asString()).isEqualTo("ada@example.test");
    }

    @Test
    void onlyTheOwningPatientMayChangeThem() throws Exception {
        String id = requested();

        assertThat(as("patient2", "PUT", contact(id), EMAIL_ONLY).statusCode()).isEqualTo(404);
        assertThat(as("patient1", "PUT", contact("not-a-uuid"), EMAIL_ONLY).statusCode()).isEqualTo(404);
        for (String user : List.of("clinician1", "operator1", "nurse1", "clinic-a")) {
            assertThat(as(user, "PUT", contact(id), EMAIL_ONLY).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(send(null, "PUT", contact(id), EMAIL_ONLY).statusCode()).isEqualTo(401);
        assertThat(view(id).get("patient").get("email").asString()).isEqualTo("ada@example.test");
    }

    @Test
    void crisisResourcesNeedNoTokenAndNameTheThreeLines() throws Exception {
        HttpResponse<String> response = send(null, "GET", "/api/crisis-resources", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode items = json(response).get("items");
        assertThat(items.findValuesAsString("name"))
                .containsExactly("Emergency", "988 Suicide & Crisis Lifeline", "Crisis Text Line");
        assertThat(items.get(0).get("phone").asString()).isEqualTo("911");
        assertThat(items.get(1).get("text").asString()).isEqualTo("988");
        assertThat(items.get(2).get("text").asString()).isEqualTo("741741");
        assertThat(items.get(2).get("textMessage").asString()).isEqualTo("HOME");
    }
}
