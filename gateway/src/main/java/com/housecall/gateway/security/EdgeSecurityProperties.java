package com.housecall.gateway.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Which tokens the edge accepts: the same {@code housecall.security.*} settings as the services'
 * {@code SecurityProperties} (housecall-security is a servlet module, so the gateway reads them itself).
 *
 * @param issuer            the realm's issuer, exactly as Keycloak writes it into {@code iss}
 * @param audience          required in {@code aud}
 * @param jwkSetUri         where the realm's signing keys are; defaults to the issuer's certs endpoint
 * @param publicKeyLocation a fixed RSA public key instead of the realm's keys (local development and tests)
 */
@ConfigurationProperties("housecall.security")
public record EdgeSecurityProperties(
        @DefaultValue("http://localhost:8180/realms/housecall") String issuer,
        @DefaultValue("housecall-api") String audience,
        @Nullable String jwkSetUri,
        @Nullable Resource publicKeyLocation) {

    public String effectiveJwkSetUri() {
        return jwkSetUri != null ? jwkSetUri : issuer + "/protocol/openid-connect/certs";
    }
}
