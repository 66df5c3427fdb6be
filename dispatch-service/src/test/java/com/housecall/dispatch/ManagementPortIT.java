package com.housecall.dispatch;

import com.housecall.testsupport.ManagementPort;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** Dispatch's management port: ready, health and Prometheus without a token (CONTRACT.md section 13). */
class ManagementPortIT extends DispatchIntegration {

    @LocalManagementPort
    int managementPort;

    @Test
    void servesHealthAndMetricsWithoutATokenAndNoMetricsOnTheServicePort() {
        ManagementPort.assertServiceServes(managementPort, port);
    }
}
