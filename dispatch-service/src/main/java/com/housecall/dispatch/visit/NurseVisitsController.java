package com.housecall.dispatch.visit;

import com.housecall.dispatch.nurse.NurseRoster;
import com.housecall.security.Caller;
import com.housecall.security.problem.NotFoundException;
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

    record Page(List<NurseVisit> items, int page, int size, long totalItems) {
    }

    record StatusChange(@NotNull @Nullable VisitStatus status) {
    }

    record Decline(@NotBlank @Size(max = 500) @Nullable String reason) {
    }

    @GetMapping
    Page ownVisits(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "0") @Min(0) int page,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return self(jwt).map(id -> new Page(views.ofNurse(id, page, size), page, size, views.countOfNurse(id)))
                .orElseGet(() -> new Page(List.of(), page, size, 0));
    }

    @PostMapping("/{visitId}/status")
    NurseVisit status(@AuthenticationPrincipal Jwt jwt, @PathVariable String visitId,
                      @Valid @RequestBody StatusChange change) {
        return nurseVisits.move(nurse(jwt), parse(visitId), Objects.requireNonNull(change.status()));
    }

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
