package com.housecall.dispatch.visit;

import com.housecall.openapi.ApiRoles;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import com.housecall.security.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators' routes on visits (DECISIONS 37): a nurse's day and a reassignment. Role rules in WebSecurity. */
@RestController
class OperatorVisitsController {

    private final Reassignments reassignments;

    OperatorVisitsController(Reassignments reassignments) {
        this.reassignments = reassignments;
    }

    @Schema(example = "{\"nurseId\": \"5b0f2f0e-4a57-4c43-9d55-0c1f1e0e7a11\"}")
    record Reassign(@Nullable String nurseId) {
    }

    @Operation(summary = "A nurse's day", description = """
            The nurse's visits starting on `date` (ISO, e.g. 2026-12-01; today when absent) in the nurse's own \
            time zone, by start; times with the patient's zone offset. Ids and times only, no patient details.""")
    @ApiRoles(Roles.OPERATOR)
    @ApiResponse(responseCode = "200", description = "The nurse's visits that day")
    @ApiResponse(responseCode = "400", description = "`date` is not an ISO date")
    @ApiResponse(responseCode = "404", description = "No nurse with this id")
    @GetMapping("/api/nurses/{id}/visits")
    Reassignments.NurseDay day(@PathVariable String id, @Parameter(example = "2026-12-01")
                               @RequestParam(required = false) @Nullable String date) {
        return reassignments.day(parse(id), date == null ? null : date(date));
    }

    @Operation(summary = "Give a SCHEDULED visit to another nurse at the same start", description = """
            The nurse must pass every rule of automatic dispatch: active, licensed in the visit's state, IV_THERAPY \
            and ACLS, serving its ZIP area, on shift for the whole visit, no time off, under 4 visits that day, no \
            overlap with 30 minutes' travel. Emits `visit.scheduled` (same visitId, cause REASSIGNED, nurseChanged); \
            the patient is told of the new nurse. The nurse it already has: 200 unchanged. Audited.""")
    @ApiRoles(Roles.OPERATOR)
    @ApiResponse(responseCode = "200", description = "The visit as it is now")
    @ApiResponse(responseCode = "400", description = "`nurseId` missing, malformed or not on the roster")
    @ApiResponse(responseCode = "404", description = "No visit with this id")
    @ApiResponse(responseCode = "409", description = "Not SCHEDULED, started, or the nurse may not take it: the "
            + "detail names the rule")
    @PostMapping("/api/visits/{visitId}/reassign")
    OperatorVisit reassign(@AuthenticationPrincipal Jwt jwt, @PathVariable String visitId,
                           @RequestBody Reassign body) {
        UUID visit = parse(visitId);
        UUID nurse = nurseId(body.nurseId());
        String operator = Objects.requireNonNullElse(Caller.of(jwt).username(), Caller.of(jwt).subject());
        return reassignments.reassign(visit, nurse, operator);
    }

    private static UUID nurseId(@Nullable String text) {
        try {
            return UUID.fromString(Objects.requireNonNull(text, "nurseId"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("nurseId", "a nurse id (uuid) is required")));
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(List.of(new FieldProblem("date", "an ISO date such as 2026-12-01")));
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
