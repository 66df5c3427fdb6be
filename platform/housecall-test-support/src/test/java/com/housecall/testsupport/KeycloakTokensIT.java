package com.housecall.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.localstack.tokens.KeycloakTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What bin/housecall token (local-stack's KeycloakTokens) prints, against a real Keycloak with the dev realm, checked
 * like the services do.
 */
class KeycloakTokensIT {

    private static KeycloakServer keycloak;
    private static JwtDecoder decoder;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.shared();
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(keycloak.jwkSetUri()).build();
        nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(keycloak.issuer()));
        decoder = nimbus;
    }

    @Test
    void patientGetsAPasswordGrantTokenOnTheWebClient() {
        Result result = cli("token", keycloak.issuer(), "patient1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Jwt jwt = decoder.decode(result.out().strip());
        assertThat(jwt.getAudience()).contains("housecall-api");
        assertThat(jwt.getClaimAsString("azp")).isEqualTo("housecall-web");
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("patient1");
        assertThat(realmRoles(jwt)).contains("patient");
        assertThat(result.out().strip()).doesNotContain("\n").doesNotContain("{");
    }

    @Test
    void partnerClinicGetsAClientCredentialsToken() {
        Result result = cli("token", keycloak.issuer(), "clinic-b");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Jwt jwt = decoder.decode(result.out().strip());
        assertThat(jwt.getAudience()).contains("housecall-api");
        assertThat(jwt.getClaimAsString("azp")).isEqualTo("clinic-b");
        assertThat(realmRoles(jwt)).contains("clinic");
    }

    @Test
    void theSmartClinicGetsItsTokenWithAnAssertionSignedByItsDevKey() {
        Result result = cli("token", keycloak.issuer(), "clinic-c");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Jwt jwt = decoder.decode(result.out().strip());
        assertThat(jwt.getClaimAsString("azp")).isEqualTo("clinic-c");
        assertThat(jwt.getClaimAsString("scope")).contains("system/ServiceRequest.write", "system/Task.read");
    }

    @Test
    void aRefusalExitsOneWithKeycloaksError() {
        // the realm exists, the token endpoint answers, but this issuer's realm does not
        Result result =
                cli("token", keycloak.baseUrl() + "/realms/no-such-realm", "nurse1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Keycloak refused a token for nurse1").contains("HTTP 404");
    }

    @SuppressWarnings("unchecked")
    private static Iterable<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        return (Iterable<String>) realmAccess.get("roles");
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = KeycloakTokens.run(args, new PrintStream(out, true), new PrintStream(err, true));
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
