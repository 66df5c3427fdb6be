package com.housecall.gateway;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the edge does besides checking tokens.
 *
 * @param targets            where each route goes
 * @param cors               browser origins allowed to call the API
 * @param maxRequestSize     larger request bodies answer 413 and are not forwarded
 * @param clinicRateLimit    requests a partner clinic ({@code azp} of a token with realm role {@code clinic}) may
 *                           make in one minute
 * @param patientRateLimit   requests a patient ({@code sub} of a token with realm role {@code patient}) may make in
 *                           one minute
 * @param rateLimitStore     where the callers' counters live; unset: {@code redis} when {@code spring.data.redis.host}
 *                           or {@code spring.data.redis.url} is set, {@code memory} otherwise
 * @param rateLimitKeyPrefix prefix of the Redis counter keys
 * @param web                the pages the gateway serves ({@code /app/}, {@code /clinician/})
 */
@ConfigurationProperties("housecall.gateway")
public record GatewayProperties(
        Targets targets,
        @DefaultValue Cors cors,
        @DefaultValue("64KB") DataSize maxRequestSize,
        @DefaultValue("60") int clinicRateLimit,
        @DefaultValue("60") int patientRateLimit,
        @Nullable RateLimitStoreKind rateLimitStore,
        @DefaultValue("housecall:gateway:rate:") String rateLimitKeyPrefix,
        @DefaultValue Web web) {

    /**
     * Where each route goes: a service's address, or its instances' addresses (comma-separated in one variable,
     * e.g. {@code HOUSECALL_GATEWAY_TARGETS_BOOKING=http://localhost:8081,http://localhost:8091}).
     */
    public record Targets(List<URI> booking, List<URI> screening, List<URI> dispatch, List<URI> notification,
                          List<URI> console) {

        public Targets {
            services(booking, screening, dispatch, notification, console).forEach((service, targets) -> {
                if (targets == null || targets.isEmpty()) {
                    throw new IllegalArgumentException("housecall.gateway.targets." + service + " is not set");
                }
            });
        }

        /** The addresses of a service by its name here ({@code booking}, ..., {@code console}). */
        public List<URI> of(String service) {
            List<URI> targets = services(booking, screening, dispatch, notification, console).get(service);
            if (targets == null) {
                throw new IllegalArgumentException("no target named " + service);
            }
            return targets;
        }

        /**
         * Each service's OpenAPI document by its name in {@code /api-docs/openapi/<name>} (CONTRACT.md 13): the
         * service (its name here) that serves it.
         */
        public static Map<String, String> apiDocuments() {
            Map<String, String> documents = new LinkedHashMap<>();
            for (String service : List.of("booking", "screening", "dispatch", "notification")) {
                documents.put(service, service);
            }
            documents.put("ops", "console");
            return documents;
        }

        private static Map<String, List<URI>> services(List<URI> booking, List<URI> screening, List<URI> dispatch,
                                                       List<URI> notification, List<URI> console) {
            Map<String, List<URI>> services = new LinkedHashMap<>();
            services.put("booking", booking);
            services.put("screening", screening);
            services.put("dispatch", dispatch);
            services.put("notification", notification);
            services.put("console", console);
            return services;
        }
    }

    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }

    /** @param browserIssuer the Keycloak realm the pages log in with, as a browser reaches it */
    public record Web(@DefaultValue("http://localhost:8180/realms/housecall") String browserIssuer) {
    }

    public enum RateLimitStoreKind { REDIS, MEMORY }
}
