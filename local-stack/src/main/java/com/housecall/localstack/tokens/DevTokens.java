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
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Access tokens shaped like the {@code housecall} realm's (issuer, audience, realm roles with Keycloak's default
 * ones, azp, scope, the profile claims of a person or the client_id of a service account) for the demo users of
 * {@link DemoUsers}. {@code up --dev-tokens} signs them with the key pair kept in PEM files the services are pointed
 * at, so the platform and curl work without Keycloak; the tests' {@code DevJwt} signs them with a key per test JVM.
 *
 * <pre>
 * DevTokens init  &lt;dir&gt;          creates dir/private.pem and dir/public.pem unless present
 * DevTokens token &lt;dir&gt; &lt;user&gt;   prints a token for a demo user or partner clinic (exit 2 if unknown)
 * </pre>
 */
public final class DevTokens {

    public static final String ISSUER = "http://localhost:8180/realms/housecall";
    public static final String AUDIENCE = "housecall-api";
    public static final Duration LIFETIME = Duration.ofHours(1);

    /** Keycloak gives these to every user of a realm; services must ignore roles they do not know. */
    public static final List<String> KEYCLOAK_DEFAULT_ROLES =
            List.of("default-roles-housecall", "offline_access", "uma_authorization");

    private DevTokens() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 2 && args[0].equals("init")) {
                PemKeys.ensure(Path.of(args[1]));
                return 0;
            }
            if (args.length == 3 && args[0].equals("token")) {
                if (DemoUsers.find(args[2]).isEmpty()) {
                    err.println("unknown user '" + args[2] + "'; known: " + String.join(", ", DemoUsers.usernames()));
                    return 2;
                }
                out.println(issue(Path.of(args[1]), args[2]));
                return 0;
            }
            err.println("usage: DevTokens init <dir> | DevTokens token <dir> <user>");
            return 2;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            err.println("dev token failed: " + e);
            return 1;
        }
    }

    /** A token for the demo user {@code username} signed with the key in {@code keyDir}, created there if missing. */
    public static String issue(Path keyDir, String username) throws IOException, GeneralSecurityException {
        return sign(PemKeys.ensure(keyDir), username, claims -> claims);
    }

    /** A token for a demo user signed with {@code keys} (RSA), its claims changed by {@code change}. */
    public static String sign(KeyPair keys, String username, UnaryOperator<JWTClaimsSet.Builder> change) {
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
            // what Keycloak's client-credentials grant adds, the SMART clinic's default scopes first
            String scope = user.signsAssertions() ? String.join(" ", DemoUsers.SMART_SCOPES) + " profile email"
                    : "profile email";
            claims.claim("client_id", user.clientId()).claim("scope", scope);
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
}
