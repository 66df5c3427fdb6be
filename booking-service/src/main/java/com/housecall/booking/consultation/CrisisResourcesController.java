package com.housecall.booking.consultation;

import com.housecall.openapi.NoToken;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/crisis-resources} (DECISIONS 37): where to call or text in a crisis, for anyone, signed in or not:
 * the patients' app shows it the moment PHQ-9 item 9 is answered above 0. No token, nothing about the caller.
 */
@RestController
class CrisisResourcesController {

    record Resources(List<CrisisResources> items, int page, int size, long totalItems) {
    }

    private static final Resources ANSWER = new Resources(CrisisResources.PUBLIC, 0, CrisisResources.PUBLIC.size(),
            CrisisResources.PUBLIC.size());

    @Operation(summary = "Crisis resources: 911, the 988 Lifeline, the Crisis Text Line", description = """
            Needs no token. The list is fixed (CLINICAL-RULES.md, CRISIS).""")
    @NoToken("Nothing: the list is public, the same for everyone")
    @GetMapping("/api/crisis-resources")
    Resources crisisResources() {
        return ANSWER;
    }
}
