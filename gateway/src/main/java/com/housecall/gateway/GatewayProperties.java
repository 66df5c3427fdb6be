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

    public record Targets(URI booking, URI screening, URI dispatch, URI notification, URI console) {

        /** Each service's OpenAPI document by its name in {@code /api-docs/openapi/<name>} (CONTRACT.md 13). */
        public Map<String, URI> apiDocuments() {
            Map<String, URI> documents = new LinkedHashMap<>();
            documents.put("booking", booking);
            documents.put("screening", screening);
            documents.put("dispatch", dispatch);
            documents.put("notification", notification);
            documents.put("ops", console);
            return documents;
        }
    }

    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }

    /** @param browserIssuer the Keycloak realm the pages log in with, as a browser reaches it */
    public record Web(@DefaultValue("http://localhost:8180/realms/housecall") String browserIssuer) {
    }

    public enum RateLimitStoreKind { REDIS, MEMORY }
}
