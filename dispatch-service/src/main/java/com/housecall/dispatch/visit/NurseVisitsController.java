package com.housecall.dispatch.visit;

import com.housecall.dispatch.nurse.NurseRoster;
import com.housecall.openapi.ApiRoles;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import com.housecall.security.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A nurse's own visits, found by the token's {@code preferred_username}; someone else's visit is 404. */
@RestController
@RequestMapping("/api/nurse/visits")
class NurseVisitsController {

    private final NurseRoster roster;
    private final NurseVisitViews views;
    private final NurseVisits nurseVisits;

    NurseVisitsController(NurseRoster roster, NurseVisitViews views, NurseVisits nurseVisits) {
        this.roster = roster;
        this.views = views;
        this.nurseVisits = nurseVisits;
    }

    @Schema(name = "NurseVisitPage")
    record Page(List<NurseVisit> items, int page, int size, long totalItems) {
    }

    @Schema(example = "{\"status\": \"EN_ROUTE\"}")
    record StatusChange(@NotNull @Nullable VisitStatus status) {
    }

    @Schema(example = "{\"reason\": \"Car trouble\"}")
    record Decline(@NotBlank @Size(max = 500) @Nullable String reason) {
    }

    @Operation(summary = "The nurse's own visits",
            description = "With what each visit needs: the patient's first name, address, phone, time and status.")
    @ApiRoles(value = Roles.NURSE, ownership = "Their own visits only.")
    @GetMapping
    Page ownVisits(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "0") @Min(0) int page,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return self(jwt).map(id -> new Page(views.ofNurse(id, page, size), page, size, views.countOfNurse(id)))
                .orElseGet(() -> new Page(List.of(), page, size, 0));
    }

    @Operation(summary = "Move a visit one step along its status", description = """
            SCHEDULED, EN_ROUTE, ARRIVED, INFUSION_STARTED, INFUSION_COMPLETED, COMPLETED; NO_SHOW from EN_ROUTE or \
            ARRIVED. Re-sending the current status answers it unchanged. Moves follow the clock (CONTRACT section \
            11): too early is 409 with a detail saying when.""")
    @ApiRoles(value = Roles.NURSE, ownership = "The visit's assigned nurse only.")
    @ApiResponse(responseCode = "200", description = "The visit as it is now")
    @ApiResponse(responseCode = "409", description = "Not the next step, or too early")
    @PostMapping("/{visitId}/status")
    NurseVisit status(@AuthenticationPrincipal Jwt jwt, @PathVariable String visitId,
                      @Valid @RequestBody StatusChange change) {
        return nurseVisits.move(nurse(jwt), parse(visitId), Objects.requireNonNull(change.status()));
    }

    @Operation(summary = "Decline a SCHEDULED visit", description = "It is dispatched again to another nurse.")
    @ApiRoles(value = Roles.NURSE, ownership = "The visit's assigned nurse only.")
    @ApiResponse(responseCode = "200", description = "The visit as it is now")
    @ApiResponse(responseCode = "409", description = "The visit is not SCHEDULED")
    @PostMapping("/{visitId}/decline")
    NurseVisit decline(@AuthenticationPrincipal Jwt jwt, @PathVariable String visitId,
                       @Valid @RequestBody Decline decline) {
        return nurseVisits.decline(nurse(jwt), parse(visitId), Objects.requireNonNull(decline.reason()));
    }

    private Optional<UUID> self(Jwt jwt) {
        String username = Caller.of(jwt).username();
        return username == null ? Optional.empty() : roster.idOf(username);
    }

    private UUID nurse(Jwt jwt) {
        return self(jwt).orElseThrow(NotFoundException::new);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
