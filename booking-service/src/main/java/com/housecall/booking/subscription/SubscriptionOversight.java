package com.housecall.booking.subscription;

import com.housecall.booking.subscription.SubscriptionRepository.DeliveryState;
import com.housecall.openapi.ApiRoles;
import com.housecall.security.Roles;
import com.housecall.security.problem.FieldProblem;
import com.housecall.security.problem.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/subscriptions} (operator): every partner subscription with its delivery state, newest first, so
 * operators see a clinic whose endpoint fails before the clinic calls. No secret; the endpoint by host only.
 */
@RestController
class SubscriptionOversight {

    static final int MAX_PAGE_SIZE = 100;

    /** One subscription as operators see it. */
    record Row(String id, String clinic, String status, String errorReason, String endpointHost, long pending,
               long delivered, long failed, Instant lastDeliveredAt, String lastError) {
    }

    record Page(List<Row> items, int page, int size, long totalItems) {
    }

    private final SubscriptionRepository subscriptions;

    SubscriptionOversight(SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping("/api/subscriptions")
    @Operation(summary = "Partner FHIR subscriptions and their delivery state",
            description = "Newest first, `page` (0-based) and `size` (1-100). The secret is never shown.")
    @ApiRoles(Roles.OPERATOR)
    Page list(@RequestParam(name = "page", defaultValue = "0") String page,
              @RequestParam(name = "size", defaultValue = "20") String size) {
        int pageNumber = number(page, 0, 100_000, "page");
        int pageSize = number(size, 1, MAX_PAGE_SIZE, "size");
        List<Row> rows = subscriptions.page(pageNumber, pageSize).stream().map(s -> {
            DeliveryState state = subscriptions.state(s.id());
            return new Row(s.id().toString(), s.clinic(), s.status(), s.errorReason(),
                    URI.create(s.endpoint()).getHost(), state.pending(), state.delivered(), state.failed(),
                    state.lastDeliveredAt(), state.lastError());
        }).toList();
        return new Page(rows, pageNumber, pageSize, subscriptions.count());
    }

    private static int number(String text, int min, int max, String field) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidRequestException(List.of(new FieldProblem(field,
                "must be an integer from " + min + " to " + max)));
    }
}
