package com.housecall.messaging.testapp;

import com.housecall.testsupport.HousecallTestInfrastructure;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts {@link TestApp} on the shared broker; pass the same settings twice to restart it on the same database. */
public final class TestApps {

    public static final String MODULE = "testapp";

    private TestApps() {
    }

    /** Broker, a fresh database and spring.config.name=testapp: create once per database. */
    public static Map<String, Object> freshSettings() {
        return HousecallTestInfrastructure.properties(MODULE);
    }

    /** Closes what a test class started, in order; one that never started (null) is passed over. */
    public static void close(AutoCloseable... started) {
        for (AutoCloseable each : started) {
            if (each != null) {
                try {
                    each.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** {@code args} are command-line properties, e.g. {@code --housecall.messaging.relay-enabled=false}. */
    public static ConfigurableApplicationContext start(Map<String, Object> settings, String... args) {
        return new SpringApplicationBuilder(TestApp.class).properties(settings).run(args);
    }
}
