package com.housecall.console.events;

import com.housecall.events.OperatorView;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an operator may see of an event: the fields its payload record marks {@code @OperatorVisible}
 * ({@link OperatorView}, in housecall-events: marked once, beside the field). Everything else (an unmarked or unknown
 * field, an unknown type, a value of the wrong shape) is dropped: never names, contacts, addresses, dates of birth,
 * intake answers or scores, free text. The payloads of the PHI topics mark nothing and keep their consultation id
 * only (they are never consumed; this is a backstop).
 */
public final class Redaction {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Redaction() {
    }

    /** The allowed part of {@code payload}; an unknown type or a payload that is not an object gives {@code {}}. */
    public static ObjectNode redact(String type, JsonNode payload) {
        Set<String> allowed = OperatorView.paths(type);
        if (payload == null || !payload.isObject()) {
            return NODES.objectNode();
        }
        return object(payload, "", allowed);
    }

    private static ObjectNode object(JsonNode source, String prefix, Set<String> allowed) {
        ObjectNode result = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : source.properties()) {
            String path = prefix + field.getKey();
            JsonNode value = field.getValue();
            JsonNode kept = keep(value, path, allowed);
            if (kept != null) {
                result.set(field.getKey(), kept);
            }
        }
        return result;
    }

    private static JsonNode keep(JsonNode value, String path, Set<String> allowed) {
        if (allowed.contains(path)) {
            return scalar(value) ? value : null;
        }
        if (value.isObject() && startsWith(allowed, path + ".")) {
            return object(value, path + ".", allowed);
        }
        if (value.isArray() && (allowed.contains(path + "[]") || startsWith(allowed, path + "[]."))) {
            ArrayNode result = NODES.arrayNode();
            for (JsonNode element : value) {
                if (allowed.contains(path + "[]") && scalar(element)) {
                    result.add(element);
                } else if (element.isObject()) {
                    result.add(object(element, path + "[].", allowed));
                }
            }
            return result;
        }
        return null;
    }

    private static boolean scalar(JsonNode value) {
        return value.isString() || value.isNumber() || value.isBoolean();
    }

    private static boolean startsWith(Set<String> allowed, String prefix) {
        return allowed.stream().anyMatch(path -> path.startsWith(prefix));
    }
}
