package com.housecall.dispatch.nurse;

import com.housecall.openapi.ApiRoles;
import com.housecall.security.Roles;
import com.housecall.security.problem.ConflictException;
import com.housecall.security.problem.InvalidRequestException;
import com.housecall.security.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/nurses} (operator): the roster. Role rules in {@code WebSecurity}. */
@RestController
@RequestMapping("/api/nurses")
class NurseRosterController {

    private final NurseDirectory nurses;
    private final ApplicationEventPublisher events;

    NurseRosterController(NurseDirectory nurses, ApplicationEventPublisher events) {
        this.nurses = nurses;
        this.events = events;
    }

    @Schema(name = "NursePage")
    record Page(List<NurseProfile> items, int page, int size, long totalItems) {
    }

    @Operation(summary = "The nurse roster, a page at a time")
    @ApiRoles(Roles.OPERATOR)
    @GetMapping
    @Transactional(readOnly = true)
    Page list(@RequestParam(defaultValue = "0") @Min(0) int page,
              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return new Page(nurses.page(page, size), page, size, nurses.count());
    }

    @Operation(summary = "One nurse")
    @ApiRoles(Roles.OPERATOR)
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    NurseProfile one(@PathVariable String id) {
        return nurses.find(parse(id)).orElseThrow(NotFoundException::new);
    }

    @Operation(summary = "Add a nurse to the roster", description = "Answers 201 with `Location`.")
    @ApiRoles(Roles.OPERATOR)
    @ApiResponse(responseCode = "201", description = "The nurse as stored")
    @ApiResponse(responseCode = "409", description = "A nurse with this username is already on the roster")
    @PostMapping
    @Transactional
    ResponseEntity<NurseProfile> add(@Valid @RequestBody NurseForm form) {
        check(form);
        UUID id = UUID.randomUUID();
        if (nurses.usernameTaken(form.username(), id)) {
            throw new ConflictException("A nurse with this username is already on the roster.");
        }
        nurses.insert(id, form);
        return ResponseEntity.created(URI.create("/api/nurses/" + id)).body(nurses.find(id).orElseThrow());
    }

    @Operation(summary = "Replace a nurse's profile", description = """
            `active` absent leaves it unchanged; false takes the nurse out of dispatch and re-dispatches their \
            future visits.""")
    @ApiRoles(Roles.OPERATOR)
    @ApiResponse(responseCode = "200", description = "The nurse as stored")
    @ApiResponse(responseCode = "409", description = "A nurse with this username is already on the roster")
    @PutMapping("/{id}")
    @Transactional
    NurseProfile replace(@PathVariable String id, @Valid @RequestBody NurseForm form) {
        UUID nurseId = parse(id);
        if (nurses.find(nurseId).isEmpty()) {
            throw new NotFoundException();
        }
        check(form);
        if (nurses.usernameTaken(form.username(), nurseId)) {
            throw new ConflictException("A nurse with this username is already on the roster.");
        }
        if (!nurses.update(nurseId, form)) {
            throw new NotFoundException();
        }
        NurseProfile replaced = nurses.find(nurseId).orElseThrow();
        // their coming visits: out of dispatch, or no longer on shift, and they go to another nurse
        events.publishEvent(new NurseRosterChanged(nurseId, replaced.active()));
        return replaced;
    }

    private static void check(NurseForm form) {
        var problems = form.problems();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
