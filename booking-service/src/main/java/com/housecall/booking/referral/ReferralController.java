package com.housecall.booking.referral;

import com.housecall.openapi.ApiRoles;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner referrals over HL7 FHIR R4 (CONTRACT.md section 5). Route rules (401, 403) are in {@link ReferralSecurity};
 * a referral of another clinic is as absent as a missing one (404). Every answer is {@code application/fhir+json}.
 */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    /** DECISIONS 34: FHIR resources are described by FHIR, not repeated in the OpenAPI document. */
    private static final String FHIR = "HL7 FHIR R4 resources (CONTRACT.md section 5), `application/fhir+json`; "
            + "their shapes are FHIR's, listed by the CapabilityStatement at `/api/fhir/metadata`.";
    private static final String FHIR_JSON = "application/fhir+json";

    private final ServiceRequestProvider serviceRequests;
    private final TaskProvider tasks;
    private final OperationOutcomes outcomes;
    private final String publicBase;

    /**
     * The work is the FHIR base's (DECISIONS 43): this controller only keeps section 5's own paths and answers.
     * {@code publicBase}: {@code housecall.web.base-url}, the gateway's public address (DECISIONS 5).
     */
    ReferralController(ServiceRequestProvider serviceRequests, TaskProvider tasks, OperationOutcomes outcomes,
                       @Value("${housecall.web.base-url:http://localhost:8080}") String publicBase) {
        this.publicBase = publicBase.endsWith("/") ? publicBase.substring(0, publicBase.length() - 1) : publicBase;
        this.serviceRequests = serviceRequests;
        this.tasks = tasks;
        this.outcomes = outcomes;
    }

    @PostMapping
    @Operation(summary = "Refer a patient (FHIR R4 ServiceRequest)", description = FHIR,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
                    content = @Content(mediaType = FHIR_JSON, schema = @Schema(types = "object"))))
    @ApiRoles(value = Roles.CLINIC, ownership = "The clinic is the token's `azp`.")
    @ApiResponse(responseCode = "201", description = "A new referral: its Task",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(types = "object")))
    @ApiResponse(responseCode = "200", description = "This clinic sent the identifier before: the first Task",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(types = "object")))
    @ApiResponse(responseCode = "422", description = "Well-formed but invalid: an OperationOutcome names each problem")
    ResponseEntity<byte[]> refer(@AuthenticationPrincipal Jwt jwt,
                                 @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                 @RequestBody(required = false) byte[] body) {
        String clinic = FhirCaller.clinic(jwt);
        String text = body == null ? "" : new String(body, FhirReader.charset(contentType));
        ServiceRequestProvider.Created created = serviceRequests.submit(clinic, contentType, text);
        URI location = URI.create("/api/referrals/" + created.task().getIdPart());
        return outcomes.body(created.isNew() ? ResponseEntity.created(location)
                : ResponseEntity.ok().location(location), created.task());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A referral's progress (FHIR R4 Task)", description = FHIR)
    @ApiRoles(value = {Roles.CLINIC, Roles.OPERATOR}, ownership = "A clinic its own referrals; operators any.")
    @ApiResponse(responseCode = "200", description = "The Task",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(types = "object")))
    ResponseEntity<byte[]> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Task task = tasks.task(TaskProvider.referralId(id), scope(jwt))
                .orElseThrow(() -> new FhirProblem(404, IssueType.NOTFOUND, "No such referral."));
        return outcomes.body(ResponseEntity.ok(), task);
    }

    /** {@code identifier=<system>|<value>} (or a bare value, any system): the caller's matching referrals as Tasks. */
    @GetMapping
    @Operation(summary = "Find a referral by its identifier (FHIR R4 Bundle of Tasks)", description = FHIR)
    @ApiRoles(value = {Roles.CLINIC, Roles.OPERATOR}, ownership = "A clinic its own referrals; operators any.")
    @ApiResponse(responseCode = "200", description = "A searchset Bundle, empty when none matches",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(types = "object")))
    ResponseEntity<byte[]> search(@AuthenticationPrincipal Jwt jwt,
                                  @RequestParam(name = "identifier", required = false) String identifier) {
        if (identifier == null || identifier.isBlank() || identifier.endsWith("|")) {
            throw new FhirProblem(400, List.of(new FhirProblem.Issue(IssueType.REQUIRED, "identifier",
                    "The search parameter identifier is required, as <system>|<value>.")));
        }
        int bar = identifier.indexOf('|');
        String system = bar < 0 ? null : identifier.substring(0, bar);
        String value = bar < 0 ? identifier : identifier.substring(bar + 1);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (Task task : tasks.byIdentifier(scope(jwt), system, value)) {
            bundle.addEntry().setFullUrl(publicBase + "/api/referrals/" + task.getIdPart()).setResource(task)
                    .setSearch(new Bundle.BundleEntrySearchComponent().setMode(Bundle.SearchEntryMode.MATCH));
        }
        bundle.setTotal(bundle.getEntry().size());
        return outcomes.body(ResponseEntity.ok(), bundle);
    }

    /** Operators see every referral (null: any clinic); a clinic its own, by its client id ({@code azp}). */
    private static String scope(Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return caller.hasRole(Roles.OPERATOR) ? null : Optional.ofNullable(caller.clientId()).orElse("");
    }
}
