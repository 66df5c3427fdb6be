package com.housecall.booking.consultation;

import com.housecall.security.Caller;
import com.housecall.security.Roles;
import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import com.housecall.security.problem.NotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/consultations")
class ConsultationController {

    private final ConsultationService service;
    private final ConsultationQueries queries;
    private final Clock clock;

    ConsultationController(ConsultationService service, ConsultationQueries queries, Clock clock) {
        this.service = service;
        this.queries = queries;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> request(@AuthenticationPrincipal Jwt jwt,
                                                @Valid @RequestBody ConsultationRequest request) {
        List<FieldProblem> problems = ConsultationChecks.problems(request, clock);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        UUID id = service.submit(Caller.of(jwt).subject(), request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("status", ConsultationStatus.REQUESTED);
        if (CrisisResources.needed(request.intake().phq9())) {
            body.put("crisisResources", CrisisResources.ALL);
        }
        return ResponseEntity.accepted().location(URI.create("/api/consultations/" + id)).body(body);
    }

    @GetMapping("/{id}")
    ConsultationView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        Caller caller = Caller.of(jwt);
        return queries.view(parse(id), caller)
                .orElseThrow(NotFoundException::new);
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    static boolean seesEveryConsultation(Caller caller) {
        return caller.hasRole(Roles.CLINICIAN) || caller.hasRole(Roles.OPERATOR);
    }
}
