package com.housecall.console;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.EventCatalog;
import com.housecall.events.EventJson;
import com.housecall.events.Topics;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A payload of every catalogue type for one consultation, filled in by its record's shape and then laden with
 * PHI: names, contacts, an address, a date of birth, intake answers and free text, at the top and in every nested
 * object. The string fields of the PHI topics' own records are PHI too ({@code PHI-MARK-<field>}).
 */
public final class PhiPayloads {

    /** Text that must never reach an operator. */
    public static final List<String> MARKERS = List.of("Zelda", "Quixote", "zelda.phi@example.com", "+15557654321",
            "742 Evergreen Terrace", "Springfield", "94110-1234", "1961-04-02", "[3,2,3,1,0,2,3,1,2]", "hopeless",
            "PHI-MARK", "PHI-NESTED");

    private static final Map<String, Object> EXTRAS = Map.of(
            "givenName", "Zelda", "familyName", "Quixote", "email", "zelda.phi@example.com", "phone", "+15557654321",
            "line1", "742 Evergreen Terrace", "city", "Springfield", "postalCode", "94110-1234",
            "dateOfBirth", "1961-04-02", "note", "feels hopeless, PHI-NOTE");

    private PhiPayloads() {
    }

    public static byte[] of(EventCatalog.Entry entry, UUID consultationId) {
        ConsultationEvent record = (ConsultationEvent) build(entry.payload(), consultationId,
                Topics.carriesPhi(entry.topic()));
        ObjectNode json = (ObjectNode) EventJson.MAPPER.valueToTree(record);
        lade(json, true);
        return EventJson.write(json);
    }

    private static void lade(JsonNode node, boolean top) {
        if (node instanceof ObjectNode object) {
            for (JsonNode child : List.copyOf(object.values())) {
                lade(child, false);
            }
            EXTRAS.forEach((name, value) -> {
                if (!object.has(name)) {
                    object.put(name, top ? value.toString() : "PHI-NESTED-" + value);
                }
            });
            if (top && !object.has("phq9")) {
                ArrayNode answers = object.putArray("phq9");
                List.of(3, 2, 3, 1, 0, 2, 3, 1, 2).forEach(answers::add);
            }
            object.putObject("patient").put("name", "Zelda Quixote").put("dateOfBirth", "1961-04-02");
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> lade(element, false));
        }
    }

    private static Object build(Class<?> type, UUID consultationId, boolean phi) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals("consultationId") ? consultationId
                    : value(components[i].getGenericType(), components[i].getName(), phi);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(Type generic, String name, boolean phi) {
        Class<?> raw = generic instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) generic;
        if (raw == String.class) {
            return phi ? "PHI-MARK-" + name : "CODE_" + name.toUpperCase();
        }
        if (raw == UUID.class) {
            return UUID.randomUUID();
        }
        if (raw == Instant.class) {
            return Instant.now();
        }
        if (raw == OffsetDateTime.class) {
            return OffsetDateTime.now(ZoneOffset.ofHours(-7));
        }
        if (raw == int.class || raw == Integer.class) {
            return 1;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            list.add(value(element, name, phi));
            return list;
        }
        if (raw.isRecord()) {
            return build(raw, null, phi);
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        throw new IllegalArgumentException("No sample for " + raw);
    }
}
