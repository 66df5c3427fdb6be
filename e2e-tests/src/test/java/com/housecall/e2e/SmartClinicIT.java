package com.housecall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DECISIONS 42 through the gateway: clinic-c's real Keycloak token (a client assertion signed with its dev key) carries
 * {@code system/ServiceRequest.write system/Task.read}, and {@code /api/fhir} holds it to them, where clinic-a on its
 * client secret keeps the clinic role's reach.
 */
class SmartClinicIT {

    static final String UNKNOWN = UUID.randomUUID().toString();

    static Platform platform;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        platform = Platform.shared();
    }

    @Test
    void clinicCMayReferAndReadTasksButNotCancelOrSubscribe() throws Exception {
        // past the scope check: the referral itself is then judged (an empty one is invalid, 422)
        assertThat(call("clinic-c", "POST", "/api/fhir/ServiceRequest", "{\"resourceType\": \"ServiceRequest\"}")
                .statusCode()).isEqualTo(422);
        HttpResponse<String> search = call("clinic-c", "GET", "/api/fhir/Task?identifier=urn:test%7C" + UNKNOWN, null);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("\"Bundle\"");

        HttpResponse<String> cancel = call("clinic-c", "POST", "/api/fhir/Task/" + UNKNOWN + "/$cancel",
                "{\"resourceType\": \"Parameters\"}");
        assertThat(cancel.statusCode()).as("no system/Task.write").isEqualTo(403);
        assertThat(cancel.body()).contains("OperationOutcome");
        assertThat(call("clinic-c", "GET", "/api/fhir/ServiceRequest/" + UNKNOWN, null).statusCode())
                .as("no system/ServiceRequest.read").isEqualTo(403);
        assertThat(call("clinic-c", "POST", "/api/fhir/Subscription", "{\"resourceType\": \"Subscription\"}")
                .statusCode()).as("no system/Subscription.write").isEqualTo(403);

        // a clinic on its secret has no system scopes: the same cancel is merely of an unknown Task
        assertThat(call("clinic-a", "POST", "/api/fhir/Task/" + UNKNOWN + "/$cancel",
                "{\"resourceType\": \"Parameters\"}").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gateway.url() + path))
                .header("Authorization", "Bearer " + platform.token(user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/fhir+json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
