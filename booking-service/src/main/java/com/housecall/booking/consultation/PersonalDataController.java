package com.housecall.booking.consultation;

import com.housecall.openapi.ApiRoles;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code DELETE /api/consultations/{id}/personal-data} (operator, issue 21): erasure, audited, idempotent. */
@RestController
class PersonalDataController {

    /** Why the data are erased, kept in the erasure audit. */
    record ErasureRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private final PersonalDataErasure erasure;
    private final RequestReader reader;

    PersonalDataController(PersonalDataErasure erasure, RequestReader reader) {
        this.erasure = erasure;
        this.reader = reader;
    }

    @DeleteMapping(path = "/api/consultations/{id}/personal-data", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ErasureRequest.class),
                    examples = @ExampleObject("{\"reason\": \"The patient asked to be forgotten\"}"))),
            summary = "Erase the patient's personal data", description = """
            Shreds the consultation's data key (its PHI on the topics never opens again), removes the patient's \
            identity and address, and tells every service to drop its copies; the clinical trail stays. Each \
            request is audited (who, when, why); a repeat answers 204 and changes nothing else.""")
    @ApiRoles(Roles.OPERATOR)
    @ApiResponse(responseCode = "204", description = "Erased (now or before)")
    ResponseEntity<Void> erase(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @RequestBody JsonNode body) {
        ErasureRequest request = reader.read(body, ErasureRequest.class);
        erasure.erase(ConsultationController.parse(id), Caller.of(jwt), request.reason());
        return ResponseEntity.noContent().build();
    }
}
