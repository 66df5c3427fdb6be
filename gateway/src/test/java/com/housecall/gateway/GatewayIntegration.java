package com.housecall.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A gateway test: the gateway on a random port in front of {@link StubBackend}, which starts each test empty. */
abstract class GatewayIntegration {

    protected static final StubBackend backend = StubBackend.shared();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry);
    }

    @BeforeEach
    void resetBackend() {
        backend.reset();
    }
}
