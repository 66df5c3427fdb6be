package com.housecall.console.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.console.PhiPayloads;
import com.housecall.events.EventCatalog;
import com.housecall.events.EventJson;
import com.housecall.events.EventTypes;
import com.housecall.events.Topics;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class RedactionTest {

    @Test
    void everyEventTypeLosesItsPhiAndKeepsItsIds() {
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            UUID consultationId = UUID.randomUUID();
            JsonNode payload = EventJson.MAPPER.readTree(PhiPayloads.of(entry, consultationId));
            ObjectNode redacted = Redaction.redact(entry.type(), payload);
            String text = EventJson.MAPPER.writeValueAsString(redacted);
            for (String marker : PhiPayloads.MARKERS) {
                assertThat(text).as(entry.type() + " shows " + marker).doesNotContain(marker);
            }
            assertThat(text).as(entry.type()).doesNotContain("patient").doesNotContain("givenName")
                    .doesNotContain("dateOfBirth").doesNotContain("note");
            assertThat(redacted.path("consultationId").asString()).isEqualTo(consultationId.toString());
            if (!Topics.carriesPhi(entry.topic())) {
                // an operator still sees what the event is about: every allowed field of the record
                // (not a wrapped data key either: key material is nobody's to see)
                assertThat(redacted.size()).as(entry.type()).isEqualTo(entry.payload().getRecordComponents().length
                        - (entry.type().equals(EventTypes.SCREENING_COMPLETED) ? 2 : 0)
                        - (entry.type().equals(EventTypes.DATA_KEY_ISSUED) ? 1 : 0));
            }
        }
    }

    @Test
    void anUnknownTypeShowsNothingAndNestedListsKeepOnlyAllowedFields() {
        JsonNode payload = EventJson.MAPPER.readTree("""
                {"consultationId":"c1","givenName":"Zelda"}""");
        assertThat(Redaction.redact("com.housecall.something.new", payload).size()).isZero();

        JsonNode completed = EventJson.MAPPER.readTree("""
                {"consultationId":"c1","outcome":"REVIEW","reasons":[{"code":"X","message":"fixed","answer":9}],
                 "phq9":{"total":21,"band":"SEVERE"},"completedAt":"2026-01-01T00:00:00Z"}""");
        assertThat(EventJson.MAPPER.writeValueAsString(Redaction.redact(EventTypes.SCREENING_COMPLETED, completed)))
                .isEqualTo("{\"consultationId\":\"c1\",\"outcome\":\"REVIEW\",\"reasons\":[{\"code\":\"X\","
                        + "\"message\":\"fixed\"}],\"completedAt\":\"2026-01-01T00:00:00Z\"}");
    }

    @Test
    void anAllowedFieldOfTheWrongShapeIsDropped() {
        JsonNode payload = EventJson.MAPPER.readTree("""
                {"consultationId":{"name":"Zelda"},"status":"ARRIVED"}""");
        assertThat(Redaction.redact(EventTypes.VISIT_STATUS_CHANGED, payload).toString())
                .isEqualTo("{\"status\":\"ARRIVED\"}");
    }
}
