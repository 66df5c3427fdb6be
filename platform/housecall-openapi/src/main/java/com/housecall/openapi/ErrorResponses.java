package com.housecall.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * The errors of CONTRACT.md section 3, added to every operation they can happen on, so no controller repeats them:
 * 400 (a body or parameters), 401 and 403 (a bearer token), 404 (an id in the path), 413 and 415 (a body). A 4xx a
 * method declares itself (409) gets the same problem body. {@code /api/referrals/**} answers in FHIR instead.
 */
final class ErrorResponses implements GlobalOpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String FHIR_JSON = "application/fhir+json";
    private static final String FHIR_PATHS = "/api/referrals";

    private static final Map<String, String> MEANING = Map.of(
            "400", "The request is invalid: each problem is named in `errors` (dotted field paths with indexes).",
            "401", "No valid bearer token from the housecall realm (missing, expired, wrong audience or issuer).",
            "403", "The caller's realm role may not use this route.",
            "404", "No such record, not the caller's, or a malformed id.",
            "409", "The state machine forbids this move now.",
            "413", "The body is over 64 KiB.",
            "415", "The body's content type is not supported.");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        ModelConverters converters = ModelConverters.getInstance(true);
        Map<String, Schema> shapes = new LinkedHashMap<>(converters.readAll(ProblemDocument.class));
        shapes.putAll(converters.readAll(ProblemDocument.OperationOutcome.class));
        shapes.forEach(openApi.getComponents()::addSchemas);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperations()
                .forEach(operation -> describe(operation, path.startsWith(FHIR_PATHS))));
    }

    private static void describe(Operation operation, boolean fhir) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        boolean token = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean pathId = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
        boolean input = body || parameters.stream().anyMatch(p -> !"path".equals(p.getIn()));
        ApiResponses responses = operation.getResponses();
        addIf(input, responses, "400");
        addIf(token, responses, "401");
        addIf(token, responses, "403");
        addIf(pathId, responses, "404");
        addIf(body, responses, "413");
        addIf(body, responses, "415");
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(MEANING.getOrDefault(code, "An error."));
                }
                // springdoc gives a declared error the method's own answer type: an error is a problem body
                if (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON)
                        && !response.getContent().containsKey(FHIR_JSON)) {
                    response.setContent(fhir ? fhirOutcome(code) : problem(code, response.getDescription()));
                }
            }
        });
    }

    private static void addIf(boolean applies, ApiResponses responses, String code) {
        if (applies && !responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(MEANING.get(code)));
        }
    }

    private static Content problem(String code, String detail) {
        int status = Integer.parseInt(code);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
        example.put("status", status);
        example.put("detail", detail);
        if (status == 400) {
            example.put("errors", List.of(Map.of("field", "intake.phq9[8]", "message", "must be from 0 to 3")));
        }
        return new Content().addMediaType(PROBLEM_JSON, new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/Problem"))
                .addExamples(code, new Example().value(example)));
    }

    private static Content fhirOutcome(String code) {
        Map<String, Object> example = Map.of("resourceType", "OperationOutcome", "issue", List.of(Map.of(
                "severity", "error", "code", "400".equals(code) ? "structure" : "processing",
                "diagnostics", MEANING.getOrDefault(code, "An error."))));
        return new Content().addMediaType(FHIR_JSON, new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/OperationOutcome"))
                .addExamples(code, new Example().value(example)));
    }
}
