package com.housecall.messaging;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts a Housecall service: its configuration is {@code <module>.yml} (so several services can share one
 * classpath in the end-to-end test) and its database comes from {@link ServiceDatabase}.
 */
public final class ServiceLauncher {

    private ServiceLauncher() {
    }

    public static ConfigurableApplicationContext run(Class<?> application, String module, String... args) {
        return new SpringApplicationBuilder(application).properties(defaults(module, System.getenv())).run(args);
    }

    /** Defaults only: anything set in the environment or on the command line wins. */
    public static Map<String, Object> defaults(String module, Map<String, String> env) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.config.name", module);
        defaults.put("spring.application.name", module);
        if (!env.containsKey("SPRING_DATASOURCE_URL")) {
            defaults.putAll(ServiceDatabase.properties(module, env));
        }
        return defaults;
    }
}
