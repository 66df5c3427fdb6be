package com.housecall.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Tokens shaped like the housecall realm's (issuer, audience, realm roles, azp), signed by a key made for this
 * JVM, until tests run against the real Keycloak. Services accept them through
 * {@code housecall.security.public-key-location}.
 */
public final class DevJwt {

    public static final String ISSUER = "http://localhost:8180/realms/housecall";
    public static final String AUDIENCE = "housecall-api";

    private static final KeyPair KEYS = generate();
    private static Path publicKeyFile;

    private DevJwt() {
    }

    public static String token(String username) {
        return token(username, claims -> claims);
    }

    /** A token for a demo user, its claims changed by {@code change} (expired, other audience, ...). */
    public static String token(String username, UnaryOperator<JWTClaimsSet.Builder> change) {
        DemoUsers.User user = DemoUsers.find(username)
                .orElseThrow(() -> new IllegalArgumentException("No demo user " + username));
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(user.subject().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", user.clientId())
                .claim("preferred_username", user.isClient() ? "service-account-" + user.username() : user.username())
                .claim("realm_access", Map.of("roles", List.of(user.role())));
        if (!user.isClient()) {
            claims.claim("email", user.email()).claim("given_name", user.givenName()).claim("family_name", user.familyName());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("dev").build(),
                change.apply(claims).build());
        try {
            jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A Spring resource location of this JVM's public key in PEM. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("housecall-dev-jwt", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "file:" + publicKeyFile;
    }

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
