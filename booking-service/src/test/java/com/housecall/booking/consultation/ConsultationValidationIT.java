package com.housecall.booking.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.booking.BookingIntegration;
import com.housecall.testsupport.DevJwt;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Every rule of CONTRACT.md section 4 on the request body, each naming its field; and the shape rules of section 3. */
class ConsultationValidationIT extends BookingIntegration {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Sets (or with {@code null}, removes) the value at a dotted path with indexes, e.g. {@code intake.phq9[8]}. */
    static Consumer<ObjectNode> set(String path, JsonNode value) {
        return root -> {
            String[] parts = path.split("\\.");
            JsonNode node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                node = step(node, parts[i]);
            }
            String last = parts[parts.length - 1];
            if (last.endsWith("]")) {
                ArrayNode array = (ArrayNode) step(node, last.substring(0, last.indexOf('[')));
                int index = Integer.parseInt(last.substring(last.indexOf('[') + 1, last.length() - 1));
                if (value == null) {
                    array.remove(index);
                } else {
                    array.set(index, value);
                }
            } else if (value == null) {
                ((ObjectNode) node).remove(last);
            } else {
                ((ObjectNode) node).set(last, value);
            }
        };
    }

    static Consumer<ObjectNode> remove(String path) {
        return set(path, null);
    }

    private static JsonNode step(JsonNode node, String part) {
        if (part.endsWith("]")) {
            return node.get(part.substring(0, part.indexOf('['))).get(Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1)));
        }
        return node.get(part);
    }

    static JsonNode text(String value) {
        return NODES.stringNode(value);
    }

    static JsonNode number(int value) {
        return NODES.numberNode(value);
    }

    static JsonNode array(Object... values) {
        ArrayNode array = NODES.arrayNode();
        for (Object value : values) {
            switch (value) {
                case null -> array.addNull();
                case Integer i -> array.add(i);
                case Double d -> array.add(d);
                case String s -> array.add(s);
                case JsonNode n -> array.add(n);
                default -> throw new IllegalArgumentException();
            }
        }
        return array;
    }

    static JsonNode window(OffsetDateTime start, OffsetDateTime end) {
        return NODES.objectNode().put("start", start.toString()).put("end", end.toString());
    }

    static final OffsetDateTime LATER = OffsetDateTime.now().plusDays(5).withNano(0);

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("patient", remove("patient")),
                Arguments.of("patient.givenName", remove("patient.givenName")),
                Arguments.of("patient.givenName", set("patient.givenName", text(" "))),
                Arguments.of("patient.givenName", set("patient.givenName", text("x".repeat(101)))),
                Arguments.of("patient.familyName", remove("patient.familyName")),
                Arguments.of("patient.dateOfBirth", remove("patient.dateOfBirth")),
                Arguments.of("patient.dateOfBirth", set("patient.dateOfBirth", text(LocalDate.now().plusDays(1).toString()))),
                Arguments.of("patient.dateOfBirth", set("patient.dateOfBirth", text("14/02/1988"))),
                Arguments.of("patient.preferredChannels", remove("patient.preferredChannels")),
                Arguments.of("patient.preferredChannels", set("patient.preferredChannels", array())),
                Arguments.of("patient.preferredChannels", set("patient.preferredChannels", array("SMS", "EMAIL", "SMS"))),
                Arguments.of("patient.preferredChannels", set("patient.preferredChannels", array("SMS", "SMS"))),
                Arguments.of("patient.preferredChannels[1]", set("patient.preferredChannels", array("SMS", "FAX"))),
                Arguments.of("patient.phone", remove("patient.phone")),
                Arguments.of("patient.phone", set("patient.phone", text("415-555-0100"))),
                Arguments.of("patient.email", remove("patient.email")),
                Arguments.of("patient.email", set("patient.email", text("not-an-email"))),
                Arguments.of("consent.sms", set("consent.sms", NODES.booleanNode(false))),
                Arguments.of("consent.email", remove("consent.email")),
                Arguments.of("address", remove("address")),
                Arguments.of("address.line1", remove("address.line1")),
                Arguments.of("address.city", set("address.city", text(""))),
                Arguments.of("address.state", remove("address.state")),
                Arguments.of("address.state", set("address.state", text("PR"))),
                Arguments.of("address.state", set("address.state", text("ca"))),
                Arguments.of("address.postalCode", set("address.postalCode", text("9410"))),
                Arguments.of("address.postalCode", set("address.postalCode", text("94107-1234"))),
                Arguments.of("timeZone", remove("timeZone")),
                Arguments.of("timeZone", set("timeZone", text("Mars/Olympus_Mons"))),
                Arguments.of("timeZone", set("timeZone", text("+02:00"))),
                Arguments.of("timeZone", set("timeZone", text("America/New_York"))),
                Arguments.of("timeZone", set("timeZone", text("US/Eastern"))),
                Arguments.of("timeZone", set("address.state", text("TX")).andThen(set("timeZone", text("America/Los_Angeles")))),
                Arguments.of("intake", remove("intake")),
                Arguments.of("intake.phq9", remove("intake.phq9")),
                Arguments.of("intake.phq9", set("intake.phq9", array(2, 2, 1, 2, 1, 2, 1, 1))),
                Arguments.of("intake.phq9", set("intake.phq9", array(2, 2, 1, 2, 1, 2, 1, 1, 0, 0))),
                Arguments.of("intake.phq9[8]", set("intake.phq9[8]", number(4))),
                Arguments.of("intake.phq9[0]", set("intake.phq9[0]", number(-1))),
                Arguments.of("intake.phq9[2]", set("intake.phq9[2]", NODES.nullNode())),
                Arguments.of("intake.phq9[3]", set("intake.phq9[3]", text("2"))),
                Arguments.of("intake.phq9[4]", set("intake.phq9[4]", NODES.numberNode(1.5))),
                Arguments.of("intake.gad7", set("intake.gad7", array(1, 1, 1, 1, 0, 0))),
                Arguments.of("intake.gad7[6]", set("intake.gad7[6]", number(4))),
                Arguments.of("intake.failedAntidepressantTrials", remove("intake.failedAntidepressantTrials")),
                Arguments.of("intake.failedAntidepressantTrials", set("intake.failedAntidepressantTrials", number(21))),
                Arguments.of("intake.failedAntidepressantTrials", set("intake.failedAntidepressantTrials", number(-1))),
                Arguments.of("intake.alcoholUseDisorder", remove("intake.alcoholUseDisorder")),
                Arguments.of("intake.substanceUseDisorder", remove("intake.substanceUseDisorder")),
                Arguments.of("intake.pregnant", remove("intake.pregnant")),
                Arguments.of("intake.pregnant", set("intake.pregnant", text("false"))),
                Arguments.of("intake.breastfeeding", set("intake.breastfeeding", NODES.nullNode())),
                Arguments.of("intake.inPersonEvaluationCompleted", remove("intake.inPersonEvaluationCompleted")),
                Arguments.of("intake.conditions[1]", set("intake.conditions", array("GLAUCOMA", "BROKEN_HEART"))),
                Arguments.of("intake.medications", set("intake.medications",
                        array(Stream.generate(() -> "aspirin").limit(31).toArray()))),
                Arguments.of("intake.medications[0]", set("intake.medications", array("x".repeat(101)))),
                Arguments.of("intake.bloodPressure.systolic", set("intake.bloodPressure.systolic", number(59))),
                Arguments.of("intake.bloodPressure.systolic", set("intake.bloodPressure.systolic", number(261))),
                Arguments.of("intake.bloodPressure.systolic", remove("intake.bloodPressure.systolic")),
                Arguments.of("intake.bloodPressure.diastolic", set("intake.bloodPressure.diastolic", number(29))),
                Arguments.of("intake.bloodPressure.diastolic", set("intake.bloodPressure.diastolic", number(161))),
                Arguments.of("intake.bloodPressure.systolic", set("intake.bloodPressure",
                        NODES.objectNode().put("systolic", 90).put("diastolic", 90))),
                Arguments.of("preferredWindows", remove("preferredWindows")),
                Arguments.of("preferredWindows", set("preferredWindows", array())),
                Arguments.of("preferredWindows", set("preferredWindows", array(Stream.generate(
                        () -> window(LATER, LATER.plusHours(2))).limit(11).toArray()))),
                Arguments.of("preferredWindows[0].end", set("preferredWindows[0]", window(LATER, LATER.minusHours(1)))),
                Arguments.of("preferredWindows[0].end", set("preferredWindows[0]", window(LATER, LATER))),
                Arguments.of("preferredWindows[0].end", remove("preferredWindows[0].end")),
                Arguments.of("preferredWindows[1].start", set("preferredWindows", array(window(LATER, LATER.plusHours(1)),
                        window(OffsetDateTime.now().minusHours(1), OffsetDateTime.now().plusHours(1))))),
                Arguments.of("preferredWindows[0].start", set("preferredWindows[0].start", text("2030-12-02T09:00:00"))),
                Arguments.of("preferredWindows[0].start", set("preferredWindows[0]", NODES.objectNode()
                        .put("start", "+10000-01-01T08:00-08:00").put("end", "+10000-01-01T12:00-08:00"))),
                Arguments.of("preferredWindows[0].end", set("preferredWindows[0]", window(LATER, LATER.plusDays(15)))),
                Arguments.of("preferredWindows[0]", set("preferredWindows[0]", NODES.nullNode())),
                Arguments.of("consent", remove("consent")),
                Arguments.of("consent.treatment", set("consent.treatment", NODES.booleanNode(false))),
                Arguments.of("consent.treatment", remove("consent.treatment")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void anInvalidFieldIs400NamingItWithoutItsValue(String field, Consumer<ObjectNode> change) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(validRequest(0));
        change.accept(body);

        HttpResponse<String> response = post(DevJwt.token("patient1"), body.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsString("field")).as(response.body()).contains(field);
        assertThat(response.body()).doesNotContain("BROKEN_HEART", "Mars", "not-an-email", "415-555-0100", "14/02/1988",
                "FAX", "tools.jackson", "Exception");
    }

    static Stream<Arguments> acceptedRequests() {
        return Stream.of(
                Arguments.of("only the required fields", (Consumer<ObjectNode>) body -> {
                    ObjectNode intake = (ObjectNode) body.get("intake");
                    intake.remove("gad7");
                    intake.remove("conditions");
                    intake.remove("medications");
                    intake.remove("bloodPressure");
                }),
                Arguments.of("unknown fields", set("patient.nickname", text("Ada")).andThen(set("extra", NODES.objectNode()))),
                Arguments.of("a minor", set("patient.dateOfBirth", text(LocalDate.now().minusYears(15).toString()))),
                Arguments.of("one channel without the other's contact or consent", set("patient.preferredChannels",
                        array("EMAIL")).andThen(remove("patient.phone")).andThen(set("consent.sms", NODES.booleanNode(false)))),
                Arguments.of("a legacy link of the state's zone", set("timeZone", text("US/Pacific"))),
                Arguments.of("each zone of a state that spans zones", set("address.state", text("TX"))
                        .andThen(set("timeZone", text("America/Denver")))),
                Arguments.of("Indiana's own zones", set("address.state", text("IN"))
                        .andThen(set("timeZone", text("America/Indiana/Indianapolis")))),
                Arguments.of("a window of 14 days", set("preferredWindows[0]", window(LATER, LATER.plusDays(14)))),
                Arguments.of("ten windows and DC", set("preferredWindows", array(Stream.generate(
                        () -> window(LATER, LATER.plusHours(2))).limit(10).toArray())).andThen(set("address.state", text("DC")))
                        .andThen(set("timeZone", text("America/New_York")))),
                Arguments.of("the limits", set("intake.failedAntidepressantTrials", number(20))
                        .andThen(set("intake.medications", array(Stream.generate(() -> "m".repeat(100)).limit(30).toArray())))
                        .andThen(set("intake.bloodPressure", NODES.objectNode().put("systolic", 260).put("diastolic", 160)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedRequests")
    void aValidRequestIsAccepted(String name, Consumer<ObjectNode> change) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(validRequest(0));
        change.accept(body);

        HttpResponse<String> response = post(DevJwt.token("patient1"), body.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    @Test
    void anUnknownChannelIs400NamingTheAllowedValues() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(validRequest(0));
        set("patient.preferredChannels", array("PIGEON")).accept(body);

        JsonNode problem = json(post(DevJwt.token("patient1"), body.toString()));

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("patient.preferredChannels[0]");
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("must be one of SMS, EMAIL");
    }

    @Test
    void aBodyOver64KiBIs413AsAProblem() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(validRequest(0));
        body.put("padding", "x".repeat(64 * 1024));

        HttpResponse<String> response = post(DevJwt.token("patient1"), body.toString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("status").asInt()).isEqualTo(413);
    }

    @Test
    void aBodyJustUnder64KiBIsRead() throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(validRequest(0));
        body.put("padding", "");
        body.put("padding", "x".repeat(64 * 1024 - body.toString().length()));

        assertThat(post(DevJwt.token("patient1"), body.toString()).statusCode()).isEqualTo(202);
    }

    @Test
    void anotherContentTypeIs415AsAProblem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/consultations"))
                .header("Authorization", "Bearer " + DevJwt.token("patient1"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(validRequest(0))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("status").asInt()).isEqualTo(415);
    }

    @Test
    void bodiesThatAreNotJsonObjectsAre400AsAProblem() throws Exception {
        for (String body : new String[] {"{\"patient\": ", "[]", "\"text\""}) {
            HttpResponse<String> response = post(DevJwt.token("patient1"), body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }
}
