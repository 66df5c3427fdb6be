package com.housecall.screening.safety;

import com.housecall.openapi.ApiRoles;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import com.housecall.screening.Paging;
import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import com.housecall.security.problem.PathIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/screenings/{consultationId}/acknowledge}: a clinician stops a safety alert's repeats;
 * {@code GET /api/screenings/alerts}: the alerts still open, for the clinicians' workspace.
 */
@RestController
class SafetyController {

    private final SafetyAlerts alerts;

    SafetyController(SafetyAlerts alerts) {
        this.alerts = alerts;
    }

    @Operation(summary = "Acknowledge a safety alert", description = "Stops the on-call pages' repeats.")
    @ApiRoles(Roles.CLINICIAN)
    @PostMapping("/api/screenings/{consultationId}/acknowledge")
    AlertState acknowledge(@AuthenticationPrincipal Jwt jwt, @PathVariable String consultationId) {
        Caller caller = Caller.of(jwt);
        return alerts.acknowledge(PathIds.uuid(consultationId),
                caller.username() != null ? caller.username() : caller.subject());
    }

    @Operation(summary = "Safety alerts", description = """
            `open=true` (the default): alerts neither acknowledged nor withdrawn, oldest first, as the clinicians' \
            workspace shows them; `open=false`: every alert, newest first.""")
    @ApiRoles(Roles.CLINICIAN)
    @GetMapping("/api/screenings/alerts")
    AlertState.Page alerts(@RequestParam(defaultValue = "true") String open,
                           @RequestParam(defaultValue = "0") String page,
                           @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) String size) {
        if (!open.equals("true") && !open.equals("false")) {
            throw new InvalidRequestException(List.of(new FieldProblem("open", "must be true or false")));
        }
        return alerts.list(Boolean.parseBoolean(open), Paging.of(page, size));
    }

}
