package com.housecall.security;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/health} (and its groups, e.g. {@code /readiness}) also on the service port (DECISIONS 4), where
 * {@code bin/housecall}, compose and the end-to-end tests ask, while the actuator itself lives on the management
 * port. The same status and HTTP code as the actuator's answer, without details.
 */
@RestController
public class ServicePortHealth {

    private final HealthEndpoint health;
    private final HttpCodeStatusMapper codes;

    public ServicePortHealth(HealthEndpoint health, HttpCodeStatusMapper codes) {
        this.health = health;
        this.codes = codes;
    }

    @GetMapping("/actuator/health")
    public ResponseEntity<Map<String, String>> health() {
        return answer(health.health());
    }

    @GetMapping("/actuator/health/{group}")
    public ResponseEntity<Map<String, String>> group(@PathVariable String group) {
        return answer(health.healthForPath(group));
    }

    private ResponseEntity<Map<String, String>> answer(@Nullable HealthDescriptor descriptor) {
        if (descriptor == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.status(codes.getStatusCode(descriptor.getStatus()))
                .body(Map.of("status", descriptor.getStatus().getCode()));
    }
}
