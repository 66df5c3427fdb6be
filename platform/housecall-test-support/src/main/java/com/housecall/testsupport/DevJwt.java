package com.housecall.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Tokens shaped like the housecall realm's access tokens (issuer, audience, realm roles with Keycloak's default
 * ones, azp, scope, the profile claims of a person or the client_id of a service account), for a demo user of
 * {@link DemoUsers}. The static methods without a key sign with a key made for this JVM, which services accept
 * through {@code housecall.security.public-key-location} = {@link #publicKeyLocation()}; local-stack's
 * {@code DevTokens} passes the persisted key of {@code bin/housecall} instead.
 */
public final class DevJwt {

    public static final String ISSUER = "http://localhost:8180/realms/housecall";
    public static final String AUDIENCE = "housecall-api";
    public static final Duration LIFETIME = Duration.ofHours(1);

    /** Keycloak gives these to every user of a realm; services must ignore roles they do not know. */
    public static final List<String> KEYCLOAK_DEFAULT_ROLES =
            List.of("default-roles-housecall", "offline_access", "uma_authorization");

    private static Path publicKeyFile;

    private DevJwt() {
    }

    public static String token(String username) {
        return token(username, claims -> claims);
    }

    /** A token for a demo user, its claims changed by {@code change} (expired, other audience, ...). */
    public static String token(String username, UnaryOperator<JWTClaimsSet.Builder> change) {
        return token(PerJvm.KEYS, username, change);
    }

    /** A token for a demo user signed with {@code keys} (RSA), its claims changed by {@code change}. */
    public static String token(KeyPair keys, String username, UnaryOperator<JWTClaimsSet.Builder> change) {
        DemoUsers.User user = DemoUsers.require(username);
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).build();
        try {
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .type(JOSEObjectType.JWT)
                    .keyID(jwk.computeThumbprint().toString())
                    .build();
            SignedJWT jwt = new SignedJWT(header, change.apply(claims(user, Instant.now())).build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims Keycloak puts in an access token for {@code user}, issued at {@code now}. */
    public static JWTClaimsSet.Builder claims(DemoUsers.User user, Instant now) {
        List<String> roles = new ArrayList<>(KEYCLOAK_DEFAULT_ROLES);
        roles.addFirst(user.role());
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(user.subject().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", user.clientId())
                .claim("preferred_username", user.preferredUsername())
                .claim("realm_access", Map.of("roles", List.copyOf(roles)));
        if (user.isClient()) {
            // what Keycloak's client-credentials grant adds
            claims.claim("client_id", user.clientId()).claim("scope", "profile email");
        } else {
            claims.claim("scope", "openid profile email")
                    .claim("email", user.email())
                    .claim("email_verified", true)
                    .claim("given_name", user.givenName())
                    .claim("family_name", user.familyName())
                    .claim("name", user.givenName() + " " + user.familyName());
        }
        return claims;
    }

    /** A Spring resource location of this JVM's public key in PEM. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("housecall-dev-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(PerJvm.KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "file:" + publicKeyFile;
    }

    /** Made on first use only, so a caller bringing its own key does not wait for one. */
    private static final class PerJvm {

        static final KeyPair KEYS = generate();

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
