package com.housecall.console.deadletter;

import com.housecall.openapi.ApiRoles;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CONTRACT.md section 8: dead letters, newest first, and their replay. */
@RestController
@RequestMapping("/api/ops/dead-letters")
class DeadLetterController {

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;

    DeadLetterController(DeadLetters deadLetters, DeadLetterReplay replay) {
        this.deadLetters = deadLetters;
        this.replay = replay;
    }

    @Operation(summary = "Dead letters, newest first", description = """
            `id` is `topic:partition:offset`. Dead letters of PHI topics show metadata only.""")
    @ApiRoles(Roles.OPERATOR)
    @GetMapping
    Page list(@RequestParam(name = "page", defaultValue = "0") String page,
                             @RequestParam(name = "size", defaultValue = "20") String size) {
        List<FieldProblem> problems = new ArrayList<>();
        int p = number(page, "page", 0, Integer.MAX_VALUE / 100, problems);
        int s = number(size, "size", 1, 100, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Page(deadLetters.page(p, s), p, s, deadLetters.count());
    }

    record Page(List<DeadLetter> items, int page, int size, long totalItems) {
    }

    @Operation(summary = "Send a dead letter back to its original topic")
    @ApiRoles(Roles.OPERATOR)
    @ApiResponse(responseCode = "200", description = "The dead letter, replayed")
    @ApiResponse(responseCode = "409", description = "Replayed before, or older than the consumers' inbox retention")
    @PostMapping("/{id}/replay")
    DeadLetter replay(@PathVariable("id") String id, @AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return replay.replay(id, caller.username() != null ? caller.username() : caller.subject());
    }

    private static int number(String value, String field, int min, int max, List<FieldProblem> problems) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(field, "must be a whole number from " + min + " to " + max));
        return min;
    }
}
