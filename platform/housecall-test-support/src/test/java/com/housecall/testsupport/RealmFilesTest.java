package com.housecall.testsupport;

import com.housecall.localstack.tokens.ClientAssertion;
import com.housecall.localstack.tokens.DemoUsers;
import com.housecall.localstack.tokens.PemKeys;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The realm as code (deploy/keycloak): CONTRACT.md section 2 in the dev realm, and a production realm that is the
 * dev realm without its users, demo partner clients and password grant (Keycloak has no includes, so two files).
 */
class RealmFilesTest {

    private static final Path DIR = Path.of("../../deploy/keycloak");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ROLES = List.of("patient", "nurse", "clinician", "operator", "clinic");

    private final JsonNode dev = read("housecall-realm.json");
    private final JsonNode production = read("housecall-realm-production.json");

    @Test
    void theDevRealmHasTheContractsRolesAndClients() {
        assertThat(dev.path("realm").asString()).isEqualTo("housecall");
        assertThat(dev.path("enabled").asBoolean()).isTrue();
        assertThat(names(dev.path("roles").path("realm"), "name")).containsExactlyInAnyOrderElementsOf(ROLES);
        assertThat(names(dev.path("clients"), "clientId"))
                .containsExactly("housecall-web", "housecall-mobile", "housecall-ops", "housecall-clinician",
                        "clinic-a", "clinic-b", "clinic-c");

        for (String id : List.of("housecall-web", "housecall-mobile", "housecall-ops", "housecall-clinician")) {
            JsonNode client = client(dev, id);
            assertThat(client.path("publicClient").asBoolean()).as(id).isTrue();
            assertThat(client.path("standardFlowEnabled").asBoolean()).as(id).isTrue();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as(id).isFalse();
            assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).as(id).isEqualTo("S256");
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id).isEqualTo(id.equals("housecall-web"));
        }
        JsonNode ops = client(dev, "housecall-ops");
        assertThat(strings(ops.path("redirectUris"))).containsExactly("http://localhost:8080/ops/*");
        assertThat(strings(ops.path("webOrigins"))).containsExactly("http://localhost:8080");
        // DECISIONS 36: the clinicians' workspace logs in with a client of its own, redirected to its pages only
        JsonNode clinician = client(dev, "housecall-clinician");
        assertThat(strings(clinician.path("redirectUris"))).containsExactly("http://localhost:8080/clinician/*");
        assertThat(strings(clinician.path("webOrigins"))).containsExactly("http://localhost:8080");

        for (String id : List.of("clinic-a", "clinic-b")) {
            JsonNode clinic = client(dev, id);
            assertThat(clinic.path("publicClient").asBoolean()).as(id).isFalse();
            assertThat(clinic.path("secret").asString()).as(id).isEqualTo(DemoUsers.require(id).secret());
            assertThat(clinic.path("serviceAccountsEnabled").asBoolean()).as(id).isTrue();
            assertThat(clinic.path("standardFlowEnabled").asBoolean()).as(id).isFalse();
            assertThat(clinic.path("directAccessGrantsEnabled").asBoolean()).as(id).isFalse();
            assertThat(clinic.path("implicitFlowEnabled").asBoolean()).as(id).isFalse();
        }
    }

    @Test
    void clinicCAuthenticatesWithTheDevKeyAndCarriesTheSmartScopes() throws Exception {
        JsonNode clinic = client(dev, DemoUsers.SMART_CLINIC);
        assertThat(clinic.path("publicClient").asBoolean()).isFalse();
        assertThat(clinic.path("clientAuthenticatorType").asString()).isEqualTo("client-jwt");
        assertThat(clinic.has("secret")).isFalse();
        assertThat(clinic.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(clinic.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(clinic.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        JsonNode attributes = clinic.path("attributes");
        assertThat(attributes.path("use.jwks.string").asString()).isEqualTo("true");
        assertThat(attributes.path("token.endpoint.auth.signing.alg").asString()).isEqualTo("RS384");
        // the JWKS is the public half of deploy/keycloak/clinic-c-private.pem, named by its thumbprint
        RSAKey key = (RSAKey) JWKSet.parse(attributes.path("jwks.string").asString()).getKeys().getFirst();
        assertThat(key.toRSAPublicKey()).isEqualTo(PemKeys.publicOf(ClientAssertion.demoKey()));
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(strings(clinic.path("defaultClientScopes"))).containsAll(DemoUsers.SMART_SCOPES);
    }

    @Test
    void bothRealmsHaveTheSmartScopesAndOnlyTheSmartClinicGetsThemByDefault() {
        for (JsonNode realm : List.of(dev, production)) {
            for (String name : DemoUsers.SMART_SCOPES) {
                JsonNode scope = realm.path("clientScopes").valueStream()
                        .filter(s -> s.path("name").asString().equals(name)).findFirst().orElseThrow();
                assertThat(scope.path("protocol").asString()).isEqualTo("openid-connect");
                assertThat(scope.path("attributes").path("include.in.token.scope").asString()).isEqualTo("true");
            }
            assertThat(strings(realm.path("defaultDefaultClientScopes")))
                    .contains("roles", "basic").doesNotContainAnyElementsOf(DemoUsers.SMART_SCOPES);
            assertThat(strings(realm.path("defaultOptionalClientScopes")))
                    .doesNotContainAnyElementsOf(DemoUsers.SMART_SCOPES);
            assertThat(realm.path("clients").valueStream()
                    .filter(c -> strings(c.path("defaultClientScopes")).containsAll(DemoUsers.SMART_SCOPES))
                    .map(c -> c.path("clientId").asString()))
                    .isSubsetOf(DemoUsers.SMART_CLINIC);
        }
    }

    @Test
    void everyClientOfBothRealmsPutsTheApiAudienceIntoAccessTokens() {
        for (JsonNode realm : List.of(dev, production)) {
            for (JsonNode client : realm.path("clients")) {
                assertThat(client.path("protocolMappers").valueStream().filter(mapper ->
                        mapper.path("protocolMapper").asString().equals("oidc-audience-mapper")
                                && mapper.path("config").path("included.custom.audience").asString().equals("housecall-api")
                                && mapper.path("config").path("access.token.claim").asString().equals("true")))
                        .as(client.path("clientId").asString()).hasSize(1);
            }
        }
    }

    @Test
    void theDevUsersAreDemoUsersWithTheirSubjectsProfilesAndRoles() {
        JsonNode users = dev.path("users");
        assertThat(users.size()).isEqualTo(DemoUsers.ALL.size());
        for (DemoUsers.User demo : DemoUsers.ALL) {
            JsonNode user = users.valueStream()
                    .filter(u -> u.path("username").asString().equals(demo.preferredUsername()))
                    .findFirst().orElseThrow(() -> new AssertionError("no user " + demo.preferredUsername()));
            String name = demo.username();
            // the same subject as DevJwt's tokens, so data made with either kind of token belongs to the same user
            assertThat(user.path("id").asString()).as(name).isEqualTo(demo.subject().toString());
            assertThat(user.path("enabled").asBoolean()).as(name).isTrue();
            assertThat(strings(user.path("realmRoles"))).as(name)
                    .containsExactlyInAnyOrder("default-roles-housecall", demo.role());
            if (demo.isClient()) {
                assertThat(user.path("serviceAccountClientId").asString()).as(name).isEqualTo(demo.clientId());
            } else {
                // Keycloak refuses the password grant ("Account is not fully set up") without email and names
                assertThat(user.path("email").asString()).as(name).isEqualTo(demo.email());
                assertThat(user.path("emailVerified").asBoolean()).as(name).isTrue();
                assertThat(user.path("firstName").asString()).as(name).isEqualTo(demo.givenName());
                assertThat(user.path("lastName").asString()).as(name).isEqualTo(demo.familyName());
                JsonNode credential = user.path("credentials").path(0);
                assertThat(credential.path("type").asString()).as(name).isEqualTo("password");
                assertThat(credential.path("value").asString()).as(name).isEqualTo(demo.secret());
                assertThat(credential.path("temporary").asBoolean()).as(name).isFalse();
                assertThat(user.path("requiredActions").isEmpty()).as(name).isTrue();
            }
        }
    }

    @Test
    void theProductionRealmHasNoUsersNoDemoClinicsAndNoPasswordGrant() {
        assertThat(production.has("users")).isFalse();
        assertThat(names(production.path("clients"), "clientId"))
                .containsExactly("housecall-web", "housecall-mobile", "housecall-ops", "housecall-clinician");
        assertThat(strings(client(production, "housecall-clinician").path("redirectUris")))
                .containsExactly("http://localhost:8080/clinician/*");
        assertThat(production.findValues("directAccessGrantsEnabled")).allMatch(value -> !value.asBoolean());
        assertThat(production.findValues("secret")).isEmpty();
    }

    @Test
    void theProductionRealmIsTheDevRealmWithoutItsDevelopmentParts() {
        ObjectNode expected = (ObjectNode) dev.deepCopy();
        expected.remove("users");
        ArrayNode clients = (ArrayNode) expected.path("clients");
        for (int i = clients.size() - 1; i >= 0; i--) {
            if (clients.get(i).path("clientId").asString().startsWith("clinic-")) {
                clients.remove(i);  // partner clients are created per partner in production
            } else {
                ((ObjectNode) clients.get(i)).put("directAccessGrantsEnabled", false);
            }
        }
        expected.put("bruteForceProtected", true);
        assertThat(production)
                .as("housecall-realm-production.json must equal housecall-realm.json without users, demo clinics and"
                        + " password grant, plus brute-force protection; change both files together")
                .isEqualTo(expected);
    }

    @Test
    void keycloakServerImportsTheDevRealmOfTheRepository() throws IOException {
        try (InputStream copy = getClass().getResourceAsStream("/housecall/keycloak/housecall-realm.json")) {
            assertThat(copy).isNotNull();
            assertThat(JSON.readTree(copy)).isEqualTo(dev);
        }
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(Files.readString(DIR.resolve(file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        return realm.path("clients").valueStream().filter(c -> c.path("clientId").asString().equals(clientId))
                .findFirst().orElseThrow();
    }

    private static List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asString()).toList();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
