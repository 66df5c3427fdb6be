package com.housecall.screening.safety;

import com.housecall.openapi.ApiRoles;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import com.housecall.security.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/screenings/{consultationId}/acknowledge}: a clinician stops a safety alert's repeats. */
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
        return alerts.acknowledge(parse(consultationId), caller.username() != null ? caller.username() : caller.subject());
    }

    private static UUID parse(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.toString().equalsIgnoreCase(id)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // malformed: the same 404 as an unknown id
        }
        throw new NotFoundException();
    }
}
