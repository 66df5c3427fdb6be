package com.housecall.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What makes a token acceptable, for the servlet services and the reactive gateway alike: expiry, the realm's
 * issuer and our audience; and the fixed development key when there is no realm. No web stack here.
 */
public final class TokenChecks {

    /** The Spring profile of a real deployment: tokens only from the realm's keys, no demo data. */
    public static final String PRODUCTION = "production";

    private TokenChecks() {
    }

    /**
     * The fixed development key, when one is configured and the profile is not {@link #PRODUCTION}; empty means the
     * realm's keys. In production a configured development key stops the start: anyone holding its private half
     * could sign tokens of any role.
     */
    public static Optional<RSAPublicKey> developmentKey(SecurityProperties properties,
                                                                  Environment environment) {
        if (properties.publicKeyLocation() == null) {
            return Optional.empty();
        }
        if (environment.matchesProfiles(PRODUCTION)) {
            throw new IllegalStateException("The production profile refuses a development token key "
                    + "(housecall.security.public-key-location): tokens are checked with the realm's keys only");
        }
        return Optional.of(readPublicKey(properties.publicKeyLocation()));
    }

    public static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()),
                audience(properties.audience()));
    }

    static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error error = new OAuth2Error("invalid_token", "The token is not meant for this API", null);
        return jwt -> {
            List<String> audiences = jwt.getAudience();
            return audiences != null && audiences.contains(audience)
                    ? OAuth2TokenValidatorResult.success()
                    : OAuth2TokenValidatorResult.failure(error);
        };
    }

    static RSAPublicKey readPublicKey(Resource pem) {
        try (InputStream in = pem.getInputStream()) {
            String base64 = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the public key at " + pem, e);
        }
    }
}
