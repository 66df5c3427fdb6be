package com.housecall.gateway;

import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The clinics' limit counted in the gateway's memory (the default without Redis). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "housecall.gateway.rate-limit-store=memory"})
class ClinicRateLimitIT {

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock gatewayClock() {
            return ClinicRateLimitScenario.clock();
        }
    }

    private final StubBackend backend = StubBackend.shared();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry);
    }

    @BeforeEach
    void resetBackend() {
        backend.reset();
    }

    @Test
    void aClinicsSixtyFirstCallInTheMinuteIsRefused() {
        ClinicRateLimitScenario.run(port, backend);
    }
}
