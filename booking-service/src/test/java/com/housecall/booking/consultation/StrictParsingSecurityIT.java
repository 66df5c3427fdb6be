package com.housecall.booking.consultation;

import static com.housecall.booking.consultation.ConsultationValidationIT.NODES;
import static com.housecall.booking.consultation.ConsultationValidationIT.array;
import static com.housecall.booking.consultation.ConsultationValidationIT.set;
import static com.housecall.booking.consultation.ConsultationValidationIT.text;
import static com.housecall.booking.consultation.ConsultationValidationIT.window;
import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.booking.BookingIntegration;
import com.housecall.testsupport.DevJwt;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/** Lenient parsing found by the red-team pass (issue 21): each of these was accepted with 202 and must be a 400. */
class StrictParsingSecurityIT extends BookingIntegration {

    static final OffsetDateTime LATER = OffsetDateTime.now().plusDays(5).withHour(9).withMinute(0).withSecond(0)
            .withNano(0);

    static Stream<Arguments> lenientValues() {
        return Stream.of(
                Arguments.of("intake.conditions", set("intake.conditions",
                        array(Stream.generate(() -> "GLAUCOMA").limit(5000).toArray()))),
                Arguments.of("intake.conditions", set("intake.conditions", array("GLAUCOMA", "GLAUCOMA"))),
                Arguments.of("patient.dateOfBirth", set("patient.dateOfBirth", text("1800-01-01"))),
                Arguments.of("patient.dateOfBirth", set("patient.dateOfBirth", text("0000-01-01"))),
                Arguments.of("address.postalCode", set("address.postalCode", NODES.numberNode(94107))),
                Arguments.of("preferredWindows[0].start", set("preferredWindows[0]", NODES.objectNode()
                        .put("start", LATER.toEpochSecond()).put("end", LATER.plusHours(2).toString()))),
                Arguments.of("preferredWindows[0].start", set("preferredWindows[0]",
                        window(LATER.plusDays(91), LATER.plusDays(91).plusHours(2)))),
                Arguments.of("patient.givenName", set("patient.givenName", text("Ada\u0007\u001b[2J"))),
                Arguments.of("intake.medications[0]", set("intake.medications", array("sertraline\r\nX-Injected: 1"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientValues")
    void aLenientValueIs400NamingItsField(String field, Consumer<ObjectNode> change) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(validRequest(0));
        change.accept(body);

        HttpResponse<String> response = post(DevJwt.token("patient1"), body.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("errors").findValuesAsString("field")).contains(field);
    }

    @Test
    void aDuplicatedKeyIs400NotTheLastOneWinning() throws Exception {
        String body = validRequest(0).replaceFirst("\"pregnant\"\\s*:\\s*false",
                "\"pregnant\": false, \"pregnant\": true");
        assertThat(body).contains("\"pregnant\": true");

        HttpResponse<String> response = post(DevJwt.token("patient1"), body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("detail").asString()).contains("more than once");
    }
}
