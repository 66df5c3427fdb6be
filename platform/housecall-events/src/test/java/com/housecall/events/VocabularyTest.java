package com.housecall.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every vocabulary that crosses a service boundary is an enum beside its record, and its JSON Schema allows exactly
 * its constants: a consumer can decode every valid event, a producer cannot write an invalid one.
 */
class VocabularyTest {

    /** A clinician decides only cases in review or on safety hold: the schema narrows the outcome on purpose. */
    private static final Set<String> NARROWED = Set.of("screening.decided.outcome");

    @Test
    void eachEnumFieldAllowsInItsSchemaExactlyItsConstants() throws IOException {
        List<String> checked = new ArrayList<>();
        for (EventCatalog.Entry entry : EventCatalog.ALL) {
            JsonNode properties = schema(entry).get("properties");
            for (RecordComponent component : entry.payload().getRecordComponents()) {
                Class<?> type = enumType(component);
                if (type == null) {
                    continue;
                }
                String field = EventTypes.shortName(entry.type()) + "." + component.getName();
                JsonNode property = properties.get(component.getName());
                JsonNode allowed = property.has("items") ? property.get("items").get("enum") : property.get("enum");
                assertThat(allowed).as(field + " has an enum in its schema").isNotNull();
                Set<String> schemaValues = new TreeSet<>();
                allowed.forEach(value -> schemaValues.add(value.asString()));
                Set<String> constants = new TreeSet<>(Arrays.stream(type.getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name()).toList());
                if (NARROWED.contains(field)) {
                    assertThat(constants).as(field).containsAll(schemaValues);
                } else {
                    assertThat(schemaValues).as(field).isEqualTo(constants);
                }
                checked.add(field);
            }
        }
        assertThat(checked).contains("screening.completed.outcome", "screening.decided.decision",
                "visit.status-changed.status", "visit.requested.purpose", "consultation.held.reason");
    }

    private static Class<?> enumType(RecordComponent component) {
        if (component.getType().isEnum()) {
            return component.getType();
        }
        if (component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isEnum()) {
            return element;
        }
        return null;
    }

    private static JsonNode schema(EventCatalog.Entry entry) throws IOException {
        try (InputStream in = VocabularyTest.class.getClassLoader().getResourceAsStream(entry.schemaResource())) {
            return EventJson.MAPPER.readTree(in);
        }
    }
}
