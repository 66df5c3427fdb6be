package com.housecall.gateway;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The clinics' limit counted in the gateway's memory (the default without Redis). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "housecall.gateway.rate-limit-store=memory"})
class ClinicRateLimitIT extends GatewayIntegration {

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock gatewayClock() {
            return ClinicRateLimitScenario.clock();
        }
    }

    @Test
    void aClinicsSixtyFirstCallInTheMinuteIsRefused() {
        ClinicRateLimitScenario.run(port, backend);
    }
}
