package com.housecall.gateway;

import com.housecall.security.ServicePortHealth;
import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /actuator/health} on the gateway's own port too (DECISIONS 4), where {@code bin/housecall} and the
 * end-to-end tests ask: the services' answer, computed off the event loop (a health check may block).
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class GatewayHealth {

    private final ServicePortHealth health;

    GatewayHealth(HealthEndpoint health, HttpCodeStatusMapper codes) {
        this.health = new ServicePortHealth(health, codes);
    }

    @GetMapping("/actuator/health")
    Mono<ResponseEntity<Map<String, String>>> health() {
        return Mono.fromCallable(health::health).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/actuator/health/{group}")
    Mono<ResponseEntity<Map<String, String>>> group(@PathVariable String group) {
        return Mono.fromCallable(() -> health.group(group)).subscribeOn(Schedulers.boundedElastic());
    }
}
