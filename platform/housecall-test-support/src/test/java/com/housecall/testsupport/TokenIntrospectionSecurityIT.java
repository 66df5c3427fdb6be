package com.housecall.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partner clinics hold client credentials for the realm, so they can call its introspection endpoint; they must not
 * learn anything of a patient's or another clinic's token there (issue 21: the red-team pass introspected any token).
 * Against a real Keycloak with the dev realm.
 */
class TokenIntrospectionSecurityIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.shared();
    }

    @Test
    void aClinicLearnsNothingOfAPatientsToken() throws Exception {
        String patientToken = keycloak.token("patient1");

        assertThat(introspect("clinic-a", "clinic-a-secret", patientToken)).isEqualTo("{\"active\":false}");
    }

    @Test
    void aClinicLearnsNothingOfAnotherClinicsToken() throws Exception {
        String otherClinic = keycloak.token("clinic-b");

        assertThat(introspect("clinic-a", "clinic-a-secret", otherClinic)).isEqualTo("{\"active\":false}");
    }

    private static String introspect(String clientId, String secret, String token) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        URI endpoint = URI.create(keycloak.issuer() + "/protocol/openid-connect/token/introspect");
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).toString();
    }
}
