package com.housecall.testsupport;

import com.housecall.localstack.keycloak.TokenEndpoint;
import com.housecall.localstack.tokens.DemoUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.housecall.security.SecurityAutoConfiguration;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The dev realm in a real Keycloak (one per test JVM), and the services' token check against its tokens. */
class KeycloakServerIT {

    private static KeycloakServer keycloak;

    @BeforeAll
    static void start() {
        keycloak = KeycloakServer.shared();
        System.out.printf("Keycloak started in %.1f s; its JVM's resident memory: %s%n",
                keycloak.startup().toMillis() / 1000.0, keycloak.serverPid().stream()
                        .mapToObj(KeycloakServerIT::residentMemory).findFirst().orElse("(a container)"));
    }

    @Test
    void thePasswordGrantGivesAPatientTokenForTheApi() throws ParseException {
        JWTClaimsSet claims = claims(keycloak.passwordGrant("patient1", "patient1"));

        assertThat(claims.getIssuer()).isEqualTo(keycloak.issuer())
                .isEqualTo(keycloak.baseUrl() + "/realms/housecall");
        assertThat(claims.getAudience()).contains("housecall-api");
        assertThat(realmRoles(claims)).contains("patient").doesNotContain("nurse", "clinician", "operator", "clinic");
        assertThat(claims.getStringClaim("azp")).isEqualTo("housecall-web");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("patient1");
        assertThat(claims.getStringClaim("email")).isEqualTo("patient1@housecall.test");
        assertThat(claims.getStringClaim("given_name")).isEqualTo("Pat");
        assertThat(claims.getStringClaim("family_name")).isEqualTo("One");
        // the same subject as DevJwt's token for patient1
        assertThat(claims.getSubject()).isEqualTo(DemoUsers.require("patient1").subject().toString());
    }

    @Test
    void everyDemoPersonLogsInWithTheirRole() throws ParseException {
        for (DemoUsers.User user : DemoUsers.ALL) {
            JWTClaimsSet claims = claims(keycloak.token(user.username()));
            assertThat(realmRoles(claims)).as(user.username()).contains(user.role());
            assertThat(claims.getSubject()).as(user.username()).isEqualTo(user.subject().toString());
        }
    }

    @Test
    void clientCredentialsGiveAClinicTokenNamingTheClinic() throws ParseException {
        JWTClaimsSet claims = claims(keycloak.clientCredentials("clinic-a", "clinic-a-secret"));

        assertThat(claims.getIssuer()).isEqualTo(keycloak.issuer());
        assertThat(claims.getAudience()).contains("housecall-api");
        assertThat(claims.getStringClaim("azp")).isEqualTo("clinic-a");
        assertThat(realmRoles(claims)).contains("clinic").doesNotContain("patient");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("service-account-clinic-a");
        // the SMART scopes are clinic-c's alone: a clinic on a secret keeps the clinic role's reach
        assertThat(claims.getStringClaim("scope").split(" ")).containsExactlyInAnyOrder("profile", "email");
    }

    @Test
    void theRealmHasKeycloaksBuiltInClientScopesAsANewRealmHasThem() {
        // declaring clientScopes in a realm file replaces Keycloak's built-ins: the files list them in full
        KeycloakAdmin fresh = keycloak.admin("fresh-" + UUID.randomUUID());
        fresh.createRealm();
        Map<String, Object> expected = fresh.clientScopes();

        Map<String, Object> housecall = keycloak.admin(KeycloakServer.REALM).clientScopes();
        @SuppressWarnings("unchecked")
        Map<String, Object> scopes = (Map<String, Object>) housecall.get("clientScopes");
        assertThat(scopes).containsKeys(DemoUsers.SMART_SCOPES.toArray(String[]::new));
        scopes.keySet().removeAll(DemoUsers.SMART_SCOPES);
        assertThat(housecall).isEqualTo(expected);
    }

    @Test
    void wrongCredentialsAndTheUnlistedGrantsAreRefused() {
        // RFC 6749 section 5.2: a wrong password is invalid_grant, a 400 (Keycloak answered 401 before 26.6)
        TokenEndpoint.Response wrongPassword = keycloak.requestToken(Map.of("grant_type", "password",
                "client_id", "housecall-web", "username", "patient2", "password", "not-patient2"));
        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword.error()).isEqualTo("invalid_grant");
        assertThatThrownBy(() -> keycloak.passwordGrant("patient2", "wrong")).isInstanceOf(IllegalStateException.class);

        assertThat(keycloak.requestToken(Map.of("grant_type", "client_credentials",
                "client_id", "clinic-b", "client_secret", "clinic-a-secret")).status()).isEqualTo(401);
        // only housecall-web allows the password grant, and only in the dev realm
        TokenEndpoint.Response mobile = keycloak.requestToken(Map.of("grant_type", "password",
                "client_id", "housecall-mobile", "username", "nurse1", "password", "nurse1"));
        assertThat(mobile.ok()).isFalse();
        assertThat(mobile.error()).isEqualTo("unauthorized_client");
    }

    @Test
    void aTokenFetchedThrough127001StillNamesLocalhost() throws ParseException {
        String endpoint = keycloak.tokenEndpoint().replace("//localhost:", "//127.0.0.1:");
        String token = TokenEndpoint.post(endpoint, Map.of("grant_type", "client_credentials",
                "client_id", "clinic-b", "client_secret", "clinic-b-secret")).accessToken();

        assertThat(claims(token).getIssuer()).isEqualTo(keycloak.issuer());
    }

    @Test
    void theServicesTokenCheckAcceptsRealTokens() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class))
                .withPropertyValues(HousecallTestInfrastructure.keycloakProperties().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new))
                .run(context -> {
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);
                    Jwt patient = decoder.decode(keycloak.token("patient1"));
                    assertThat(patient.getClaimAsString("preferred_username")).isEqualTo("patient1");
                    Jwt clinic = decoder.decode(keycloak.token("clinic-a"));
                    assertThat(clinic.getClaimAsString("azp")).isEqualTo("clinic-a");
                    // a token of this JVM's development key is not one of the realm's
                    assertThatThrownBy(() -> decoder.decode(DevJwt.token("patient1"))).isInstanceOf(JwtException.class);
                });
    }

    @Test
    void theIssuerMustBeExactlyLocalhost() {
        String token = keycloak.token("nurse1");

        assertThat(decoder(keycloak.issuer(), "housecall-api").decode(token).getIssuer().toString())
                .isEqualTo(keycloak.issuer());
        String numericIssuer = keycloak.issuer().replace("//localhost:", "//127.0.0.1:");
        assertThatThrownBy(() -> decoder(numericIssuer, "housecall-api").decode(token))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder(keycloak.issuer(), "another-api").decode(token))
                .isInstanceOf(JwtValidationException.class);
    }

    /** What SecurityAutoConfiguration builds: the realm's keys, then expiry, issuer and audience. */
    private static JwtDecoder decoder(String issuer, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.jwkSetUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token"))));
        return decoder;
    }

    private static JWTClaimsSet claims(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(JWTClaimsSet claims) throws ParseException {
        return (List<String>) claims.getJSONObjectClaim("realm_access").get("roles");
    }

    private static String residentMemory(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).map(line -> line.substring(6).trim())
                    .findFirst().orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
