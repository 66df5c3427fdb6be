package com.housecall.console;

import com.housecall.testsupport.ManagementPort;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** The console's management port: ready, health and Prometheus without a token (CONTRACT.md section 13). */
class ManagementPortIT extends ConsoleIntegration {

    @LocalManagementPort
    int managementPort;

    @Test
    void servesHealthAndMetricsWithoutATokenAndNoMetricsOnTheServicePort() {
        ManagementPort.assertServiceServes(managementPort, port);
    }
}
