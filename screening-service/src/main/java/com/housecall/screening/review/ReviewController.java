package com.housecall.screening.review;

import com.housecall.events.screening.Decision;
import com.housecall.openapi.ApiRoles;
import com.housecall.screening.Paging;
import com.housecall.security.Caller;
import com.housecall.security.Roles;
import com.housecall.security.problem.PathIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CONTRACT.md section 6: the clinicians' queue and their decisions. The route rules allow clinicians only. */
@RestController
@RequestMapping("/api/screenings")
class ReviewController {

    @Schema(example = "{\"decision\": \"APPROVE\", \"note\": \"Reviewed the blood pressure history.\"}")
    record DecisionRequest(@NotNull Decision decision, @Size(max = 2000) String note) {
    }

    private final ClinicianReview review;

    ReviewController(ClinicianReview review) {
        this.review = review;
    }

    @Operation(summary = "The clinicians' review queue", description = """
            SAFETY_HOLD first, then oldest first; `kind` INTAKE or MAINTENANCE (a fresh PHQ-9 before a \
            maintenance block). A cancelled consultation leaves the queue at once.""")
    @ApiRoles(Roles.CLINICIAN)
    @GetMapping("/review-queue")
    ReviewItem.Page queue(@RequestParam(defaultValue = "0") String page,
                          @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) String size) {
        Paging paging = Paging.of(page, size);
        return review.queue(paging.page(), paging.size());
    }

    @Operation(summary = "The decisions' audit of one case", description = """
            Every decision recorded on the case, oldest first: who, when, the decision and its note.""")
    @ApiRoles(Roles.CLINICIAN)
    @ApiResponse(responseCode = "200", description = "The decisions, oldest first")
    @ApiResponse(responseCode = "404", description = "No screened case with this id")
    @GetMapping("/{consultationId}/decisions")
    DecisionRecord.Page decisions(@PathVariable String consultationId,
                                  @RequestParam(defaultValue = "0") String page,
                                  @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) String size) {
        Paging paging = Paging.of(page, size);
        return review.decisions(PathIds.uuid(consultationId), paging);
    }

    @Operation(summary = "Decide a case: APPROVE or DECLINE, with a note", description = """
            APPROVE moves the consultation on to scheduling (or requests the maintenance block); DECLINE makes it \
            INELIGIBLE (or ends the course). Every decision is audited.""")
    @ApiRoles(Roles.CLINICIAN)
    @ApiResponse(responseCode = "200", description = "The case as it is now")
    @ApiResponse(responseCode = "409", description = "Already decided, withdrawn, or APPROVE of an ineligible case")
    @PostMapping("/{consultationId}/decision")
    ReviewItem decide(@AuthenticationPrincipal Jwt jwt, @PathVariable String consultationId,
                      @Valid @RequestBody DecisionRequest request) {
        return review.decide(PathIds.uuid(consultationId), request.decision(), request.note(), who(Caller.of(jwt)));
    }

    /** The clinician as the audit names them: their username, else the token's subject. */
    static String who(Caller caller) {
        return caller.username() != null ? caller.username() : caller.subject();
    }

}
