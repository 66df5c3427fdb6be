package com.housecall.localstack;

import com.housecall.localstack.DevUsers.DevUser;
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
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Issues access tokens shaped like the {@code housecall} Keycloak realm's, signed with a local key
 * the services are pointed at, so the platform and curl work without starting Keycloak.
 *
 * <pre>
 * DevTokens init  &lt;dir&gt;          creates dir/private.pem and dir/public.pem unless present
 * DevTokens token &lt;dir&gt; &lt;user&gt;   prints a token for a demo user or partner clinic (exit 2 if unknown)
 * </pre>
 */
public final class DevTokens {

    public static final Duration LIFETIME = Duration.ofHours(1);

    /** Keycloak adds these to every user of a realm; services must ignore roles they do not know. */
    static final List<String> KEYCLOAK_DEFAULT_ROLES =
            List.of("default-roles-housecall", "offline_access", "uma_authorization");

    private DevTokens() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 2 && args[0].equals("init")) {
                PemKeys.ensure(Path.of(args[1]));
                return 0;
            }
            if (args.length == 3 && args[0].equals("token")) {
                var user = DevUsers.find(args[2]);
                if (user.isEmpty()) {
                    err.println("unknown user '" + args[2] + "'; known: "
                            + String.join(", ", DevUsers.all().stream().map(DevUser::username).toList()));
                    return 2;
                }
                out.println(issue(Path.of(args[1]), user.get()));
                return 0;
            }
            err.println("usage: DevTokens init <dir> | DevTokens token <dir> <user>");
            return 2;
        } catch (IOException | GeneralSecurityException | JOSEException e) {
            err.println("dev token failed: " + e);
            return 1;
        }
    }

    /** A token for {@code user} signed with the key in {@code keyDir}, created there if missing. */
    public static String issue(Path keyDir, DevUser user)
            throws IOException, GeneralSecurityException, JOSEException {
        return issue(PemKeys.ensure(keyDir), user, Instant.now());
    }

    public static String issue(KeyPair keys, DevUser user, Instant now) throws JOSEException {
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyIDFromThumbprint().build();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(jwk.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims(user, now));
        jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return jwt.serialize();
    }

    static JWTClaimsSet claims(DevUser user, Instant now) {
        List<String> roles = new ArrayList<>(KEYCLOAK_DEFAULT_ROLES);
        roles.addFirst(user.role());
        var claims = new JWTClaimsSet.Builder()
                .issuer(DevUsers.ISSUER)
                .audience(DevUsers.AUDIENCE)
                .subject(user.subject().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", user.clientId())
                .claim("preferred_username", user.preferredUsername())
                .claim("realm_access", Map.of("roles", roles));
        if (user.serviceAccount()) {
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
        return claims.build();
    }
}
