package com.housecall.localstack;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The demo users and partner clients of the dev realm (CONTRACT.md section 2), in one place so
 * that the dev token issuer, the Keycloak realm and tests elsewhere agree on them.
 */
public final class DevUsers {

    public static final String ISSUER = "http://localhost:8180/realms/housecall";
    public static final String AUDIENCE = "housecall-api";

    /**
     * A person with a login, or a partner clinic's service account (no email or name, like
     * Keycloak's service-account users).
     *
     * @param username the login, or the client id of a partner clinic
     * @param secret the password, or the client secret of a partner clinic
     * @param role the realm role
     * @param clientId the client the token is issued to, Keycloak's {@code azp}
     */
    public record DevUser(
            String username,
            String secret,
            String role,
            String clientId,
            @Nullable String email,
            @Nullable String givenName,
            @Nullable String familyName) {

        /** Stable across runs and machines, so data created with one token still belongs to the next. */
        public UUID subject() {
            return UUID.nameUUIDFromBytes(("housecall:" + username).getBytes(UTF_8));
        }

        public boolean serviceAccount() {
            return email == null;
        }

        /** Keycloak names a client's service-account user {@code service-account-<client id>}. */
        public String preferredUsername() {
            return serviceAccount() ? "service-account-" + username : username;
        }
    }

    private static final Map<String, DevUser> USERS = new LinkedHashMap<>();

    static {
        // same names and clients as housecall-test-support's DemoUsers
        person("patient1", "patient", "housecall-web", "Pat", "One");
        person("patient2", "patient", "housecall-web", "Pat", "Two");
        person("nurse1", "nurse", "housecall-mobile", "Nora", "One");
        person("clinician1", "clinician", "housecall-web", "Cleo", "One");
        person("operator1", "operator", "housecall-ops", "Otto", "One");
        clinic("clinic-a");
        clinic("clinic-b");
    }

    private DevUsers() {
    }

    public static Optional<DevUser> find(String username) {
        return Optional.ofNullable(USERS.get(username));
    }

    public static DevUser require(String username) {
        return find(username).orElseThrow(() -> new IllegalArgumentException(
                "unknown dev user '" + username + "'; known: " + String.join(", ", USERS.keySet())));
    }

    public static Collection<DevUser> all() {
        return USERS.values();
    }

    private static void person(String username, String role, String clientId, String given, String family) {
        USERS.put(username, new DevUser(username, username, role, clientId,
                username + "@housecall.test", given, family));
    }

    private static void clinic(String clientId) {
        USERS.put(clientId, new DevUser(clientId, clientId + "-secret", "clinic", clientId, null, null, null));
    }
}
