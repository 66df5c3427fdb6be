package com.housecall.booking.consultation;

import com.housecall.openapi.ApiRoles;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import com.housecall.security.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The consultation API of CONTRACT.md section 4. Route rules (403) are in BookingSecurity; ownership (404) here. */
@RestController
@RequestMapping("/api/consultations")
class ConsultationController {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_IDEMPOTENCY_KEY = 255;
    private static final String CHANGED = "The consultation as it is now";

    private final IdempotentSubmissions submissions;
    private final ConsultationService service;
    private final ConsultationQueries queries;
    private final RequestReader reader;
    private final Clock clock;

    ConsultationController(IdempotentSubmissions submissions, ConsultationService service,
                           ConsultationQueries queries, RequestReader reader, Clock clock) {
        this.submissions = submissions;
        this.service = service;
        this.queries = queries;
        this.reader = reader;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ConsultationRequest.class),
                    examples = @ExampleObject(ApiExamples.REQUEST))),
            summary = "Request a consultation", description = """
            The same `Idempotency-Key` (scoped to the caller, kept 24 h) with the same body answers 200 with the \
            first id; with another body 409. Crisis resources come back when PHQ-9 item 9 is 1 or more.""")
    @ApiRoles(Roles.PATIENT)
    @ApiResponse(responseCode = "202", description = "Accepted: screening follows",
            headers = @Header(name = "Location", description = "/api/consultations/{id}"),
            content = @Content(schema = @Schema(implementation = Submitted.class),
                    examples = @ExampleObject(ApiExamples.SUBMITTED)))
    @ApiResponse(responseCode = "200", description = "A repeat of an earlier request with the same Idempotency-Key",
            content = @Content(schema = @Schema(implementation = Submitted.class)))
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used with another body, or the patient "
            + "already has an active consultation (`activeConsultationId`; a request with a crisis answer never is)")
    ResponseEntity<Submitted> request(@AuthenticationPrincipal Jwt jwt,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                      @RequestBody JsonNode body) {
        ConsultationRequest request = reader.read(body, ConsultationRequest.class);
        List<FieldProblem> problems = new ArrayList<>(ConsultationChecks.problems(request, clock));
        if (key != null && (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY || !key.chars().allMatch(ch -> ch > 32 && ch < 127))) {
            problems.add(new FieldProblem("Idempotency-Key", "must be 1 to 255 visible ASCII characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        IdempotentSubmissions.Submission submission = submissions.submit(Caller.of(jwt).subject(), key, body, request);
        Submitted answer = new Submitted(submission.id(), submission.status(),
                CrisisResources.needed(request.intake().phq9()) ? CrisisResources.ALL : null);
        URI location = URI.create("/api/consultations/" + submission.id());
        return submission.created() ? ResponseEntity.accepted().location(location).body(answer)
                : ResponseEntity.ok().location(location).body(answer);
    }

    @GetMapping
    @Operation(summary = "List consultations", description = """
            Newest first, `page` (0-based) and `size` (1-100). Optional filters (DECISIONS 37, for the operators' \
            search): `status` (a consultation status) and `idPrefix` (the start of the id, hex digits and dashes); \
            unknown values are 400. Summaries only: id, status, createdAt, source.""")
    @ApiRoles(value = {Roles.PATIENT, Roles.CLINIC, Roles.CLINICIAN, Roles.OPERATOR},
            ownership = "A patient sees their own consultations, a clinic its own referrals; clinicians and "
                    + "operators see all. The filters narrow what the caller may see.")
    @ApiResponse(responseCode = "200", description = "A page of summaries, newest first")
    @ApiResponse(responseCode = "400", description = "`page`, `size`, `status` or `idPrefix` out of range")
    ConsultationQueries.ConsultationPage list(@AuthenticationPrincipal Jwt jwt,
                                             @RequestParam(name = "page", required = false) String page,
                                             @RequestParam(name = "size", required = false) String size,
                                             @Parameter(example = "CONFIRMED")
                                             @RequestParam(name = "status", required = false) String status,
                                             @Parameter(example = "6f1c")
                                             @RequestParam(name = "idPrefix", required = false) String idPrefix) {
        List<FieldProblem> problems = new ArrayList<>();
        ConsultationSearch search = ConsultationSearch.parse(status, idPrefix, problems);
        int pageNumber = number(page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, "page", problems);
        int pageSize = number(size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE, "size", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return queries.page(Caller.of(jwt), search, pageNumber, pageSize);
    }

    private static int number(String text, int fallback, int min, int max, String field, List<FieldProblem> problems) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "must be an integer from " + min + " to " + max));
        return fallback;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One consultation: status, screening, visits, timeline", description = """
            `patient` and `intake` appear for the owner, clinicians and the referring clinic only; each such read \
            is audited.""")
    @ApiRoles(value = {Roles.PATIENT, Roles.CLINIC, Roles.CLINICIAN, Roles.OPERATOR},
            ownership = "A patient their own, a clinic its own referral; clinicians and operators any.")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(ApiExamples.VIEW)))
    ConsultationView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return view(parse(id), Caller.of(jwt), "GET consultation");
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel the consultation",
            description = "Cancels its visits not yet under way (never one EN_ROUTE or later).")
    @ApiRoles(value = {Roles.PATIENT, Roles.CLINIC, Roles.OPERATOR},
            ownership = "A patient their own, a clinic its own referral; operators any.")
    @ApiResponse(responseCode = "200", description = CHANGED)
    @ApiResponse(responseCode = "409", description = "The consultation is in a final status")
    ConsultationView cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Caller caller = Caller.of(jwt);
        UUID consultation = parse(id);
        service.cancel(consultation, Access.cancel(caller), actor -> Access.actor(caller, actor));
        return view(consultation, caller, "POST cancel");
    }

    @PostMapping("/{id}/visits/{visitId}/cancel")
    @Operation(summary = "Cancel one visit")
    @ApiRoles(value = Roles.PATIENT, ownership = "The patient's own consultation only.")
    @ApiResponse(responseCode = "200", description = CHANGED)
    @ApiResponse(responseCode = "409", description = "The visit is under way or already final")
    ConsultationView cancelVisit(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String visitId) {
        Caller caller = Caller.of(jwt);
        UUID consultation = parse(id);
        service.cancelVisit(consultation, parse(visitId), Access.ownerOnly(caller));
        return view(consultation, caller, "POST visit cancel");
    }

    @PutMapping(path = "/{id}/preferred-windows", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ActionRequests.PreferredWindows.class),
                    examples = @ExampleObject(ApiExamples.WINDOWS))),
            summary = "Replace the preferred windows",
            description = "In IN_REVIEW or UNFULFILLED (which goes back to SCHEDULING).")
    @ApiRoles(value = Roles.PATIENT, ownership = "The patient's own consultation only.")
    @ApiResponse(responseCode = "200", description = CHANGED)
    @ApiResponse(responseCode = "409", description = "Not in IN_REVIEW or UNFULFILLED")
    ConsultationView replaceWindows(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                    @RequestBody JsonNode body) {
        Caller caller = Caller.of(jwt);
        UUID consultation = parse(id);
        ActionRequests.PreferredWindows windows = reader.read(body, ActionRequests.PreferredWindows.class);
        List<FieldProblem> problems = ConsultationChecks.windowProblems(windows.preferredWindows(), clock);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        service.replaceWindows(consultation, windows.preferredWindows(), Access.ownerOnly(caller));
        return view(consultation, caller, "PUT preferred-windows");
    }

    /** CONTRACT.md section 11: the owner or an operator moves one visit into new windows. */
    @PostMapping(path = "/{id}/visits/{visitId}/reschedule", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ActionRequests.PreferredWindows.class),
                    examples = @ExampleObject(ApiExamples.WINDOWS))),
            summary = "Move one visit into new windows", description = """
            A SCHEDULED visit 24 h or more ahead, or an UNSCHEDULABLE one, is dispatched again; it keeps its old \
            time until a nurse takes the new one.""")
    @ApiRoles(value = {Roles.PATIENT, Roles.OPERATOR}, ownership = "A patient their own; operators any.")
    @ApiResponse(responseCode = "200", description = CHANGED)
    @ApiResponse(responseCode = "409", description = "The visit's status or start does not allow a move")
    ConsultationView reschedule(@AuthenticationPrincipal Jwt jwt, @PathVariable String id, @PathVariable String visitId,
                                @RequestBody JsonNode body) {
        Caller caller = Caller.of(jwt);
        UUID consultation = parse(id);
        UUID visit = parse(visitId);
        ActionRequests.PreferredWindows windows = reader.read(body, ActionRequests.PreferredWindows.class);
        List<FieldProblem> problems = ConsultationChecks.windowProblems(windows.preferredWindows(), clock);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        service.reschedule(consultation, visit, windows.preferredWindows(), Access.ownerOrOperator(caller));
        return view(consultation, caller, "POST visit reschedule");
    }

    /** DECISIONS 37: messages still queued follow the new choices; an SMS STOP still wins. */
    @PutMapping(path = "/{id}/contact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ActionRequests.ContactChoices.class),
                    examples = @ExampleObject(ApiExamples.CONTACT))),
            summary = "Change how the patient is reached: email, phone, channels and consents", description = """
            Each preferred channel needs its contact and its consent (else 400 naming the field). Messages still \
            queued follow the new choices; an SMS STOP still wins.""")
    @ApiRoles(value = Roles.PATIENT, ownership = "The patient's own consultation only.")
    @ApiResponse(responseCode = "200", description = CHANGED)
    ConsultationView changeContact(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                                   @RequestBody JsonNode body) {
        Caller caller = Caller.of(jwt);
        UUID consultation = parse(id);
        ActionRequests.ContactChoices choices = reader.read(body, ActionRequests.ContactChoices.class);
        List<FieldProblem> problems = ConsultationChecks.channelProblems(choices.preferredChannels(), choices.phone(),
                choices.email(), choices.consent()::allows, "");
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        service.changeContact(consultation, choices, Access.ownerOnly(caller));
        return view(consultation, caller, "PUT contact");
    }

    @PostMapping(path = "/{id}/phq9", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ActionRequests.FreshPhq9.class),
                    examples = @ExampleObject(ApiExamples.PHQ9))),
            summary = "A fresh PHQ-9 before a maintenance block",
            description = "Item 9 at 1 or more holds a CONFIRMED consultation and answers with crisis resources.")
    @ApiRoles(value = Roles.PATIENT, ownership = "The patient's own consultation only.")
    @ApiResponse(responseCode = "200", description = CHANGED)
    @ApiResponse(responseCode = "409", description = "No maintenance block is due")
    ConsultationView phq9(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
                          @RequestBody JsonNode body) {
        Caller caller = Caller.of(jwt);
        UUID consultation = parse(id);
        ActionRequests.FreshPhq9 phq9 = reader.read(body, ActionRequests.FreshPhq9.class);
        ConsultationService.Phq9Result result = service.submitPhq9(consultation, phq9.phq9(), Access.ownerOnly(caller));
        ConsultationView view = view(consultation, caller, "POST phq9");
        return result.crisis() ? view.withCrisisResources() : view;
    }

    private ConsultationView view(UUID id, Caller caller, String access) {
        return queries.view(id, caller, access).orElseThrow(NotFoundException::new);
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    @ExceptionHandler(ActiveCourseLimit.ActiveCourseException.class)
    ResponseEntity<ProblemDetail> activeCourse(ActiveCourseLimit.ActiveCourseException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("activeConsultationId", e.active());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
