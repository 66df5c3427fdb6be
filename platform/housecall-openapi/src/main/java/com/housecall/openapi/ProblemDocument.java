package com.housecall.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The documented shape of every error of {@code /api/**} (CONTRACT.md section 3): RFC 9457 problem+json. */
@Schema(name = "Problem", description = "RFC 9457 problem details; no stack traces, SQL or payload values.")
record ProblemDocument(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "about:blank") URI type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Bad Request") String title,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "400") int status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String detail,
        @Schema(description = "Validation failures only: one per field, dotted path with indexes")
        @Nullable List<FieldError> errors) {

    @Schema(name = "ProblemFieldError")
    record FieldError(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "intake.phq9[8]") String field,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "must be an integer from 0 to 3")
            String message) {
    }

    /** {@code /api/referrals/**} answer errors in FHIR (CONTRACT.md section 3). */
    @Schema(name = "OperationOutcome", description = "HL7 FHIR R4 OperationOutcome, application/fhir+json")
    record OperationOutcome(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "OperationOutcome")
            String resourceType,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Issue> issue) {

        @Schema(name = "OperationOutcomeIssue")
        record Issue(@Schema(example = "error") String severity, @Schema(example = "required") String code,
                     @Nullable String diagnostics, @Nullable List<String> expression) {
        }
    }
}
