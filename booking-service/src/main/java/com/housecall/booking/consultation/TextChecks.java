package com.housecall.booking.consultation;

import com.housecall.security.problem.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Free text reaches clinicians' screens, emails and SMS: a control character in it (a bell, an escape sequence, a
 * line break meant to forge a header or a log line) is refused by its path, never echoed back.
 */
final class TextChecks {

    private TextChecks() {
    }

    static List<FieldProblem> controlCharacters(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        collect(body, "", problems);
        return problems;
    }

    static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static void collect(JsonNode node, String path, List<FieldProblem> problems) {
        if (node.isString() && hasControlCharacter(node.asString())) {
            problems.add(new FieldProblem(path.isEmpty() ? "$" : path, "must not contain control characters"));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), problems);
            }
        }
    }
}
