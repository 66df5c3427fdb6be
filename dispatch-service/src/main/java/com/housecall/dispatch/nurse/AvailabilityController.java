package com.housecall.dispatch.nurse;

import com.housecall.dispatch.nurse.NurseForm.AvailabilityForm;
import com.housecall.dispatch.nurse.NurseProfile.Availability;
import com.housecall.openapi.ApiRoles;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import com.housecall.security.problem.InvalidRequestException;
import com.housecall.security.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/nurse/availability} (nurse): the caller's own shifts (in their time zone) and time off, found by the
 * token's {@code preferred_username}; a nurse not on the roster gets 404. A booked visit the new availability no
 * longer covers goes to another nurse ({@code visit.declined} reason NURSE_UNAVAILABLE).
 */
@RestController
@RequestMapping("/api/nurse/availability")
class AvailabilityController {

    private final NurseDirectory nurses;
    private final ApplicationEventPublisher events;

    AvailabilityController(NurseDirectory nurses, ApplicationEventPublisher events) {
        this.nurses = nurses;
        this.events = events;
    }

    @Operation(summary = "The nurse's own shifts and time off")
    @ApiRoles(value = Roles.NURSE, ownership = "Their own availability only.")
    @GetMapping
    @Transactional(readOnly = true)
    Availability own(@AuthenticationPrincipal Jwt jwt) {
        return availability(self(jwt));
    }

    @Operation(summary = "Replace the nurse's own shifts and time off",
            description = "Visits no longer covered are dispatched again to another nurse.")
    @ApiRoles(value = Roles.NURSE, ownership = "Their own availability only.")
    @PutMapping
    @Transactional
    Availability replace(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AvailabilityForm form) {
        UUID id = self(jwt);
        var problems = form.problems();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        nurses.replaceAvailability(id, Objects.requireNonNull(form.shifts()), Objects.requireNonNull(form.timeOff()));
        events.publishEvent(new NurseRosterChanged(id, nurses.find(id).orElseThrow().active()));
        return availability(id);
    }

    private Availability availability(UUID id) {
        NurseProfile nurse = nurses.find(id).orElseThrow(NotFoundException::new);
        return new Availability(nurse.timeZone(), nurse.shifts(), nurse.timeOff());
    }

    private UUID self(Jwt jwt) {
        String username = Caller.of(jwt).username();
        return username == null ? missing() : nurses.idOf(username).orElseThrow(NotFoundException::new);
    }

    private static UUID missing() {
        throw new NotFoundException();
    }
}
