package com.housecall.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.localstack.keycloak.TokenEndpoint;
import com.housecall.localstack.tokens.ClientAssertion;
import com.housecall.localstack.tokens.DemoUsers;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SMART Backend Services against the real Keycloak of the dev realm (DECISIONS 42, CONTRACT.md section 14):
 * clinic-c authenticates with a JWT it signs with its key ({@code private_key_jwt}), never with a secret.
 */
class SmartBackendServicesIT {

    private static final String CLINIC_C = DemoUsers.SMART_CLINIC;

    private static KeycloakServer keycloak;

    @BeforeAll
    static void start() {
        keycloak = KeycloakServer.shared();
    }

    @Test
    void clinicCSignsAnAssertionAndGetsATokenWithItsSystemScopes() throws Exception {
        TokenEndpoint.Response response = keycloak.requestToken(
                ClientAssertion.grant(CLINIC_C, keycloak.tokenEndpoint(), ClientAssertion.demoKey()));

        assertThat(response.ok()).as(response.body().toString()).isTrue();
        JWTClaimsSet claims = SignedJWT.parse(response.accessToken()).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(keycloak.issuer());
        assertThat(claims.getAudience()).contains("housecall-api");
        assertThat(claims.getStringClaim("azp")).isEqualTo(CLINIC_C);
        assertThat(claims.getSubject()).isEqualTo(DemoUsers.require(CLINIC_C).subject().toString());
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) claims.getJSONObjectClaim("realm_access").get("roles");
        assertThat(roles).contains("clinic");
        // the realm gives them without being asked: the token's scope is what the services hold clinic-c to
        assertThat(List.of(claims.getStringClaim("scope").split(" "))).containsAll(DemoUsers.SMART_SCOPES);
        assertThat(List.of(((String) response.body().get("scope")).split(" "))).containsAll(DemoUsers.SMART_SCOPES);
    }

    @Test
    void anAssertionSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey stranger = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();

        TokenEndpoint.Response response = keycloak.requestToken(
                ClientAssertion.grant(CLINIC_C, keycloak.tokenEndpoint(), stranger));

        assertThat(response.ok()).isFalse();
        assertThat(response.error()).isEqualTo("invalid_client");
    }

    @Test
    void anAssertionIsGoodForOneTokenOnly() {
        String assertion = ClientAssertion.sign(CLINIC_C, keycloak.tokenEndpoint(), ClientAssertion.demoKey(),
                Instant.now());
        Map<String, String> form = Map.of("grant_type", "client_credentials",
                "client_assertion_type", ClientAssertion.TYPE, "client_assertion", assertion);

        assertThat(keycloak.requestToken(form).ok()).isTrue();
        TokenEndpoint.Response replay = keycloak.requestToken(form);
        assertThat(replay.ok()).isFalse();
        assertThat(replay.error()).isEqualTo("invalid_client");
    }

    @Test
    void anExpiredAssertionAndASecretAreRefused() {
        String expired = ClientAssertion.sign(CLINIC_C, keycloak.tokenEndpoint(), ClientAssertion.demoKey(),
                Instant.now().minus(ClientAssertion.LIFETIME).minusSeconds(60));
        assertThat(keycloak.requestToken(Map.of("grant_type", "client_credentials",
                "client_assertion_type", ClientAssertion.TYPE, "client_assertion", expired)).error())
                .isEqualTo("invalid_client");

        assertThat(keycloak.requestToken(Map.of("grant_type", "client_credentials", "client_id", CLINIC_C,
                "client_secret", CLINIC_C + "-secret")).error()).isEqualTo("invalid_client");
    }
}
