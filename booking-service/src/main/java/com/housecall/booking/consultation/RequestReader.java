package com.housecall.booking.consultation;

import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Turns a JSON body into its request record and checks it, every problem named by its path
 * ({@code intake.phq9[8]}, {@code preferredWindows[0].end}) and never quoting the value. Strict about types (no
 * {@code "2"} or {@code 2.5} for an integer, no {@code "false"} for a boolean, no number for a text or a date-time,
 * no control characters in text); unknown fields are ignored.
 */
@Component
class RequestReader {

    private final JsonMapper strict;
    private final Validator validator;

    RequestReader(JsonMapper json, Validator validator) {
        this.strict = json.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // a ZIP code is a string ("02134" loses its zero as a number); an instant is an RFC 3339 string
                .withCoercionConfig(LogicalType.Textual, RequestReader::onlyStrings)
                .addModule(new SimpleModule().addDeserializer(OffsetDateTime.class, new Rfc3339Deserializer()))
                .build();
        this.validator = validator;
    }

    <T> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException(List.of(new FieldProblem("$", "must be a JSON object")));
        }
        List<FieldProblem> controls = TextChecks.controlCharacters(body);
        if (!controls.isEmpty()) {
            throw new InvalidRequestException(controls);
        }
        T value;
        try {
            value = strict.treeToValue(body, type);
        } catch (JacksonException e) {
            throw new InvalidRequestException(List.of(new FieldProblem(path(e), message(e))));
        }
        List<FieldProblem> problems = validator.validate(value).stream()
                .map(v -> new FieldProblem(path(v.getPropertyPath()), message(v)))
                .distinct()
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return value;
    }

    private static void onlyStrings(MutableCoercionConfig config) {
        config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    private static String message(JacksonException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + String.join(", ",
                    java.util.Arrays.stream(format.getTargetType().getEnumConstants()).map(String::valueOf).toList());
        }
        return "has the wrong type or format";
    }

    private static String message(ConstraintViolation<?> violation) {
        return violation.getMessage() == null ? "is invalid" : violation.getMessage();
    }

    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
        }
        return path.isEmpty() ? "$" : path.toString();
    }

    static String path(Path propertyPath) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : propertyPath) {
            if (node.isInIterable() && node.getIndex() != null) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(node.getName());
            }
        }
        return path.toString();
    }
}
