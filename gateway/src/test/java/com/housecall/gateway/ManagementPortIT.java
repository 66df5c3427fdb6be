package com.housecall.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.testsupport.ManagementPort;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's management port (CONTRACT.md section 13): health and Prometheus without a token; its own port keeps
 * {@code /actuator/health} for {@code bin/housecall} and routes no actuator path.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.config.name=gateway")
class ManagementPortIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry);
    }

    @Test
    void servesHealthAndMetricsOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(port);
        ManagementPort.assertServes(managementPort, port);
        assertThat(ManagementPort.get(port, "/actuator/health/readiness").body()).contains("\"UP\"");
        assertThat(ManagementPort.get(port, "/actuator/health/nonsense").statusCode()).isEqualTo(404);
    }
}
