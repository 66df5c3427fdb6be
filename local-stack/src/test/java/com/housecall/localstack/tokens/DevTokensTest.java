package com.housecall.localstack.tokens;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class DevTokensTest {

    @TempDir
    Path keys;

    @Test
    void initWritesPemKeyPairOnceAndKeepsIt() throws Exception {
        assertThat(cli("init", keys.toString()).exitCode()).isZero();
        String privatePem = Files.readString(keys.resolve("private.pem"));
        String publicPem = Files.readString(keys.resolve("public.pem"));
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(PemKeys.readPublicKey(keys.resolve("public.pem")).getModulus().bitLength()).isEqualTo(2048);

        assertThat(cli("init", keys.toString()).exitCode()).isZero();
        assertThat(Files.readString(keys.resolve("private.pem"))).isEqualTo(privatePem);
        assertThat(Files.readString(keys.resolve("public.pem"))).isEqualTo(publicPem);
    }

    @Test
    void patientTokenVerifiesWithThePublicKeyLikeTheServicesDo() throws Exception {
        Result result = cli("token", keys.toString(), "patient1"); // creates the keys on first use
        assertThat(result.exitCode()).isZero();

        Jwt jwt = decoder().decode(result.out().strip());

        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
        assertThat(jwt.getHeaders().get("typ")).hasToString("JWT");
        assertThat(jwt.getIssuer()).hasToString("http://localhost:8180/realms/housecall");
        assertThat(jwt.getAudience()).containsExactly("housecall-api");
        assertThat(jwt.getSubject()).isEqualTo(
                UUID.nameUUIDFromBytes("housecall:patient1".getBytes(UTF_8)).toString());
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(1));
        assertThat(jwt.getIssuedAt()).isBetween(Instant.now().minusSeconds(60), Instant.now());
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getClaimAsString("typ")).isEqualTo("Bearer");
        assertThat(jwt.getClaimAsString("azp")).isEqualTo("housecall-web");
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("patient1");
        assertThat(jwt.getClaimAsString("email")).isEqualTo("patient1@housecall.test");
        assertThat(jwt.getClaimAsString("given_name")).isNotBlank();
        assertThat(jwt.getClaimAsString("family_name")).isNotBlank();
        assertThat(jwt.getClaimAsString("name")).isEqualTo(
                jwt.getClaimAsString("given_name") + " " + jwt.getClaimAsString("family_name"));
        assertThat(jwt.getClaimAsBoolean("email_verified")).isTrue();
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("openid profile email");
        assertThat(roles(jwt)).contains("patient").containsAll(DevTokens.KEYCLOAK_DEFAULT_ROLES)
                .doesNotContain("nurse", "clinician", "operator", "clinic");
    }

    @Test
    void everyDevUserGetsItsRoleAndClient() throws Exception {
        Map<String, List<String>> expected = Map.of(
                "patient2", List.of("patient", "housecall-web"),
                "nurse1", List.of("nurse", "housecall-mobile"),
                "clinician1", List.of("clinician", "housecall-web"),
                "operator1", List.of("operator", "housecall-ops"),
                "clinic-a", List.of("clinic", "clinic-a"),
                "clinic-b", List.of("clinic", "clinic-b"),
                "clinic-c", List.of("clinic", "clinic-c"));
        assertThat(DemoUsers.usernames()).containsAll(expected.keySet());
        for (var user : expected.entrySet()) {
            String token = DevTokens.issue(keys, user.getKey());
            Jwt jwt = decoder().decode(token);
            assertThat(roles(jwt)).as(user.getKey()).contains(user.getValue().get(0));
            assertThat(jwt.getClaimAsString("azp")).as(user.getKey()).isEqualTo(user.getValue().get(1));
        }
    }

    @Test
    void clinicTokenIsAServiceAccountWithoutPersonalClaims() throws Exception {
        String token = DevTokens.issue(keys, "clinic-a");
        Jwt jwt = decoder().decode(token);

        assertThat(jwt.getClaimAsString("azp")).isEqualTo("clinic-a");
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("service-account-clinic-a");
        assertThat(jwt.getSubject()).isEqualTo(UUID.nameUUIDFromBytes("housecall:clinic-a".getBytes(UTF_8)).toString());
        assertThat(jwt.getClaimAsString("client_id")).isEqualTo("clinic-a");
        assertThat(jwt.getClaims()).doesNotContainKeys("email", "email_verified", "given_name", "family_name", "name");
        assertThat(roles(jwt)).contains("clinic");
        assertThat(jwt.getClaimAsString("scope")).isEqualTo("profile email");
    }

    @Test
    void theSmartClinicsTokenCarriesItsSystemScopesLikeKeycloaks() throws Exception {
        String token = DevTokens.issue(keys, "clinic-c");
        Jwt jwt = decoder().decode(token);

        assertThat(jwt.getClaimAsString("azp")).isEqualTo("clinic-c");
        assertThat(jwt.getClaimAsString("scope"))
                .isEqualTo("system/ServiceRequest.write system/Task.read profile email");
    }

    @Test
    void unknownUserExitsWithTwoAndSaysWhoIsKnown() {
        Result result = cli("token", keys.toString(), "mallory");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("mallory").contains("patient1");
    }

    @Test
    void tokenFromAnotherKeyIsRejected(@TempDir Path otherKeys) throws Exception {
        String foreign = DevTokens.issue(otherKeys, "operator1");
        PemKeys.ensure(keys);
        assertThat(catchThrowable(() -> decoder().decode(foreign)))
                .isInstanceOf(BadJwtException.class);
    }

    /** The checks a Housecall resource server makes: signature, time, issuer and audience. */
    private NimbusJwtDecoder decoder() throws Exception {
        RSAPublicKey key = PemKeys.readPublicKey(keys.resolve("public.pem"));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(DevTokens.ISSUER),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(DevTokens.AUDIENCE))));
        return decoder;
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(Jwt jwt) {
        return (List<String>) jwt.getClaimAsMap("realm_access").get("roles");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result cli(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = DevTokens.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        return new Result(code, out.toString(UTF_8), err.toString(UTF_8));
    }
}
