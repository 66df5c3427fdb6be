package com.housecall.booking.referral;

import com.housecall.booking.consultation.ConsultationProgress;
import com.housecall.booking.referral.ReferralRepository.StoredReferral;
import com.housecall.openapi.ApiRoles;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
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

    static final int MAX_SEARCH_RESULTS = 100;
    /** DECISIONS 34: FHIR resources are described by FHIR, not repeated in the OpenAPI document. */
    private static final String FHIR = "HL7 FHIR R4 resources (CONTRACT.md section 5), `application/fhir+json`; "
            + "their shapes are FHIR's, listed by the CapabilityStatement at `/api/fhir/metadata`.";
    private static final String FHIR_JSON = "application/fhir+json";
    private static final List<MediaType> ACCEPTED = List.of(OperationOutcomes.FHIR_JSON,
            MediaType.parseMediaType("application/json+fhir"), MediaType.APPLICATION_JSON);

    private final Referrals referrals;
    private final ConsultationProgress progress;
    private final FhirReader reader;
    private final OperationOutcomes outcomes;
    private final String publicBase;

    /** {@code publicBase}: {@code housecall.web.base-url}, the gateway's public address (DECISIONS 5). */
    ReferralController(Referrals referrals, ConsultationProgress progress, FhirReader reader,
                       OperationOutcomes outcomes,
                       @Value("${housecall.web.base-url:http://localhost:8080}") String publicBase) {
        this.publicBase = publicBase.endsWith("/") ? publicBase.substring(0, publicBase.length() - 1) : publicBase;
        this.referrals = referrals;
        this.progress = progress;
        this.reader = reader;
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
        Charset charset = charset(contentType);
        String clinic = Caller.of(jwt).clientId();
        if (clinic == null || clinic.isBlank()) {
            throw new FhirProblem(403, IssueType.FORBIDDEN, "The token names no partner clinic (azp).");
        }
        ServiceRequest referral = reader.serviceRequest(body == null ? "" : new String(body, charset));
        Referrals.Submission submission = referrals.submit(clinic, referral);
        StoredReferral stored = referrals.find(submission.id()).orElseThrow();
        Task task = task(stored).orElseThrow();
        URI location = URI.create("/api/referrals/" + submission.id());
        return outcomes.body(submission.created() ? ResponseEntity.created(location)
                : ResponseEntity.ok().location(location), task);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A referral's progress (FHIR R4 Task)", description = FHIR)
    @ApiRoles(value = {Roles.CLINIC, Roles.OPERATOR}, ownership = "A clinic its own referrals; operators any.")
    @ApiResponse(responseCode = "200", description = "The Task",
            content = @Content(mediaType = FHIR_JSON, schema = @Schema(types = "object")))
    ResponseEntity<byte[]> get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Caller caller = Caller.of(jwt);
        UUID referralId = parse(id);
        Task task = referrals.find(referralId).filter(r -> visible(caller, r)).flatMap(this::task)
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
        Caller caller = Caller.of(jwt);
        String clinic = caller.hasRole(Roles.OPERATOR) ? null : Optional.ofNullable(caller.clientId()).orElse("");
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (StoredReferral referral : referrals.search(clinic, system, value, MAX_SEARCH_RESULTS)) {
            task(referral).ifPresent(task -> bundle.addEntry()
                    .setFullUrl(publicBase + "/api/referrals/" + referral.id())
                    .setResource(task)
                    .setSearch(new Bundle.BundleEntrySearchComponent().setMode(Bundle.SearchEntryMode.MATCH)));
        }
        bundle.setTotal(bundle.getEntry().size());
        return outcomes.body(ResponseEntity.ok(), bundle);
    }

    private Optional<Task> task(StoredReferral referral) {
        return progress.of(referral.id()).map(p -> ReferralTasks.task(referral, p));
    }

    /** Operators see every referral; a clinic its own, by its client id ({@code azp}). */
    private static boolean visible(Caller caller, StoredReferral referral) {
        return caller.hasRole(Roles.OPERATOR)
                || caller.hasRole(Roles.CLINIC) && referral.clinic().equals(caller.clientId());
    }

    /** The body's charset (UTF-8 unless named) once the content type is FHIR JSON; else 415. */
    private static Charset charset(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        MediaType given = type;
        if (given == null || ACCEPTED.stream().noneMatch(accepted -> accepted.equalsTypeAndSubtype(given))) {
            throw new FhirProblem(415, IssueType.NOTSUPPORTED, "The body must be application/fhir+json.");
        }
        try {
            return given.getCharset() == null ? StandardCharsets.UTF_8 : given.getCharset();
        } catch (IllegalArgumentException e) {
            throw new FhirProblem(415, IssueType.NOTSUPPORTED, "The body's charset is not supported.");
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new FhirProblem(404, IssueType.NOTFOUND, "No such referral.");
        }
    }
}
