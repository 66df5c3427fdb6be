package com.housecall.gateway;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The edge: routes to the services and the operator console, authenticates {@code /api/**} callers, limits partner
 * clinics, and answers its own errors in the contract's shapes. Roles are the services' business.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        // defaults only: the environment and the command line win
        new SpringApplicationBuilder(GatewayApplication.class)
                .properties(Map.of("spring.config.name", "gateway", "spring.application.name", "gateway"))
                .run(args);
    }
}
