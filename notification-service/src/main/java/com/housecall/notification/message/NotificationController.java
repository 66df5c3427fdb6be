package com.housecall.notification.message;

import com.housecall.openapi.ApiRoles;
import com.housecall.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/notifications?consultationId=} for operators (CONTRACT.md section 10): no address, no text. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private static final int MAX_SIZE = 100;

    record Page(List<Notifications.View> items, int page, int size, long totalItems) {
    }

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @Operation(summary = "The notifications of one consultation",
            description = "Channel, type, status (QUEUED, SENT, SUPPRESSED, FAILED), reason and provider id.")
    @ApiRoles(Roles.OPERATOR)
    @GetMapping
    Page list(@RequestParam UUID consultationId, @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "20") int size) {
        int safePage = Math.max(page, 0);
        int safeSize = Math.clamp(size, 1, MAX_SIZE);
        return new Page(notifications.ofConsultation(consultationId, safePage, safeSize), safePage, safeSize,
                notifications.countOfConsultation(consultationId));
    }
}
