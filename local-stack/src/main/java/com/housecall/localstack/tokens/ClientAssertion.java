package com.housecall.localstack.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * SMART Backend Services' client authentication ({@code private_key_jwt}, RFC 7523): a JWT signed by the client,
 * {@code iss} = {@code sub} = its client id, {@code aud} the token endpoint, a fresh {@code jti}, at most five
 * minutes valid, RS384 with the {@code kid} of the JWKS the realm holds (its RFC 7638 thumbprint).
 */
public final class ClientAssertion {

    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** SMART: "no more than five minutes in the future". */
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Development only: clinic-c's key, deploy/keycloak/clinic-c-private.pem, public in the repository. */
    private static final String DEMO_KEY = "/housecall/keycloak/clinic-c-private.pem";

    private ClientAssertion() {
    }

    /** The client-credentials form of {@code clientId}, authenticated by an assertion signed with {@code key}. */
    public static Map<String, String> grant(String clientId, String tokenEndpoint, RSAPrivateCrtKey key) {
        return Map.of("grant_type", "client_credentials", "client_assertion_type", TYPE,
                "client_assertion", sign(clientId, tokenEndpoint, key, Instant.now()));
    }

    /** The assertion itself, issued at {@code now}. */
    public static String sign(String clientId, String tokenEndpoint, RSAPrivateCrtKey key, Instant now) {
        try {
            RSAKey jwk = new RSAKey.Builder(PemKeys.publicOf(key)).build();
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS384)
                    .type(JOSEObjectType.JWT)
                    .keyID(jwk.computeThumbprint().toString())
                    .build();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(clientId)
                    .subject(clientId)
                    .audience(tokenEndpoint)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(LIFETIME)))
                    .build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a client assertion for " + clientId, e);
        }
    }

    /** The dev realm's clinic-c key (development only). */
    public static RSAPrivateCrtKey demoKey() {
        try (InputStream in = ClientAssertion.class.getResourceAsStream(DEMO_KEY)) {
            if (in == null) {
                throw new IllegalStateException(DEMO_KEY + " is missing from the classpath");
            }
            return PemKeys.privateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable " + DEMO_KEY, e);
        }
    }
}
