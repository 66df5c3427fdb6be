package com.housecall.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The properties that point a service under test at the shared broker, a fresh database of its own and the
 * development token key. Use {@link #register} from a {@code @DynamicPropertySource}, or {@link #properties}
 * when starting a service with {@code SpringApplicationBuilder}. The {@code WithKeycloak} variants accept the real
 * tokens of this JVM's {@link KeycloakServer} instead of {@link DevJwt}'s.
 */
public final class HousecallTestInfrastructure {

    private HousecallTestInfrastructure() {
    }

    public static Map<String, Object> properties(String module) {
        TestDatabase.Settings database = TestDatabase.create(module);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.config.name", module);
        properties.put("spring.application.name", module);
        properties.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        properties.put("spring.cloud.stream.kafka.binder.brokers", TestKafka.bootstrapServers());
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("housecall.security.public-key-location", DevJwt.publicKeyLocation());
        // a free management port: the fixed ones (9181...) belong to a running bin/housecall
        properties.put("management.server.port", 0);
        // tests wait for outcomes; a quick relay keeps them short
        properties.put("housecall.messaging.relay-interval", "20ms");
        properties.put("housecall.messaging.initial-backoff", "50ms");
        properties.put("spring.cloud.stream.kafka.binder.consumer-properties.auto.offset.reset", "earliest");
        // its own static group membership (DECISIONS 28): two services of one module in a JVM (cached test
        // contexts) would otherwise share the host's, and the newer would fence the older's consumers; the same
        // settings started again are the same instance restarted
        properties.put("housecall.messaging.instance-id", module + "-" + UUID.randomUUID().toString().substring(0, 8));
        return properties;
    }

    /** With {@code @SpringBootTest(properties = "spring.config.name=<module>")}: that one must come first. */
    public static void register(DynamicPropertyRegistry registry, String module) {
        properties(module).forEach((name, value) -> registry.add(name, () -> value));
    }

    /**
     * The token check of a service against this JVM's real Keycloak (started on first use):
     * {@code housecall.security.issuer} (its random port: {@code http://localhost:<port>/realms/housecall}) and
     * {@code housecall.security.jwk-set-uri}.
     */
    public static Map<String, Object> keycloakProperties() {
        return KeycloakServer.shared().securityProperties();
    }

    /** {@link #properties} accepting tokens of {@link KeycloakServer} rather than {@link DevJwt}'s. */
    public static Map<String, Object> propertiesWithKeycloak(String module) {
        Map<String, Object> properties = properties(module);
        properties.remove("housecall.security.public-key-location");
        properties.putAll(keycloakProperties());
        return properties;
    }

    /** {@link #register} accepting tokens of {@link KeycloakServer} rather than {@link DevJwt}'s. */
    public static void registerWithKeycloak(DynamicPropertyRegistry registry, String module) {
        propertiesWithKeycloak(module).forEach((name, value) -> registry.add(name, () -> value));
    }
}
