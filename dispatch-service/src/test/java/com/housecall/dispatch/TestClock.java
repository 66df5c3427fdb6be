package com.housecall.dispatch;

import com.housecall.testsupport.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The service's clock in tests: {@link DispatchIntegration#CLOCK}. */
@TestConfiguration(proxyBeanMethods = false)
class TestClock {

    @Bean
    @Primary
    MovableClock movableClock() {
        return DispatchIntegration.CLOCK;
    }
}
