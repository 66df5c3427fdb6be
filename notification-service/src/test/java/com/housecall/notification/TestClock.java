package com.housecall.notification;

import com.housecall.testsupport.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The service's clock in the integration tests: {@link NotificationIntegration#CLOCK}. */
@TestConfiguration(proxyBeanMethods = false)
class TestClock {

    @Bean
    @Primary
    MovableClock movableClock() {
        return NotificationIntegration.CLOCK;
    }
}
