package com.housecall.localstack.tokens;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dev realm's users and partner clients of CONTRACT.md section 2, the one table that development tokens
 * ({@link DevTokens}: {@code bin/housecall token} and the tests' {@code DevJwt}) describe.
 */
public final class DemoUsers {

    /**
     * A person with a login, or a partner clinic's service account (no email or name, like Keycloak's
     * service-account users).
     *
     * @param username the login, or the client id of a partner clinic
     * @param role the realm role
     * @param clientId the client the token is issued to, Keycloak's {@code azp}
     */
    public record User(String username, String role, String clientId, String email, String givenName,
                       String familyName) {

        /** A stable subject per user, like Keycloak's user ids: data made with one token belongs to the next. */
        public UUID subject() {
            return UUID.nameUUIDFromBytes(("housecall:" + username).getBytes(StandardCharsets.UTF_8));
        }

        public boolean isClient() {
            return email == null;
        }

        /** A partner clinic on SMART Backend Services: it signs a {@link ClientAssertion} instead of a secret. */
        public boolean signsAssertions() {
            return isClient() && username.equals(SMART_CLINIC);
        }

        /** The password, or a partner clinic's client secret. */
        public String secret() {
            if (signsAssertions()) {
                throw new IllegalStateException(username + " has no secret: it signs a client assertion");
            }
            return isClient() ? username + "-secret" : username;
        }

        /** Keycloak names a client's service-account user {@code service-account-<client id>}. */
        public String preferredUsername() {
            return isClient() ? "service-account-" + username : username;
        }
    }

    /** The demo clinic with {@code private_key_jwt} (DECISIONS 42): its key is deploy/keycloak's, dev only. */
    public static final String SMART_CLINIC = "clinic-c";
    /** The SMART scopes the realm puts into every token of {@link #SMART_CLINIC} (its default client scopes). */
    public static final List<String> SMART_SCOPES = List.of("system/ServiceRequest.write", "system/Task.read");

    public static final List<User> ALL = List.of(
            new User("patient1", "patient", "housecall-web", "patient1@housecall.test", "Pat", "One"),
            new User("patient2", "patient", "housecall-web", "patient2@housecall.test", "Pat", "Two"),
            new User("nurse1", "nurse", "housecall-mobile", "nurse1@housecall.test", "Nora", "One"),
            new User("clinician1", "clinician", "housecall-web", "clinician1@housecall.test", "Cleo", "One"),
            new User("operator1", "operator", "housecall-ops", "operator1@housecall.test", "Otto", "One"),
            new User("clinic-a", "clinic", "clinic-a", null, null, null),
            new User("clinic-b", "clinic", "clinic-b", null, null, null),
            new User(SMART_CLINIC, "clinic", SMART_CLINIC, null, null, null));

    private static final Map<String, User> BY_NAME = Map.copyOf(
            ALL.stream().collect(Collectors.toMap(User::username, Function.identity())));

    private DemoUsers() {
    }

    public static Optional<User> find(String username) {
        return Optional.ofNullable(BY_NAME.get(username));
    }

    /** The user, or an exception naming the known ones. */
    public static User require(String username) {
        return find(username).orElseThrow(() -> new IllegalArgumentException(
                "No demo user " + username + "; known: " + String.join(", ", usernames())));
    }

    public static List<String> usernames() {
        return ALL.stream().map(User::username).toList();
    }
}
