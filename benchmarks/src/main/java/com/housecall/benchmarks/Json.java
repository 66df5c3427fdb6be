package com.housecall.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The little JSON the harness reads (a string field of an answer) and writes (its report), without a library. */
final class Json {

    private Json() {
    }

    /** The first string field {@code name} of a JSON text, or null. */
    static String field(String json, String name) {
        Matcher m = stringField(name).matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** Every string field {@code name} of a JSON text, at any depth, in order. */
    static List<String> fields(String json, String name) {
        return stringField(name).matcher(json).results().map(m -> m.group(1)).toList();
    }

    private static Pattern stringField(String name) {
        return Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"");
    }

    static String string(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String object(Map<String, ?> fields) {
        return fields.entrySet().stream()
                .map(e -> string(e.getKey()) + ": "
                        + (e.getValue() instanceof Number n ? n : string(e.getValue() + "")))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
