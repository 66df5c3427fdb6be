package com.housecall.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The dev realm's users and partner clients of CONTRACT.md section 2, as development tokens describe them. */
public final class DemoUsers {

    public record User(String username, String role, String clientId, String email, String givenName,
                       String familyName) {

        /** A stable subject per user, like Keycloak's user ids. */
        public UUID subject() {
            return UUID.nameUUIDFromBytes(("housecall:" + username).getBytes(StandardCharsets.UTF_8));
        }

        public boolean isClient() {
            return email == null;
        }
    }

    public static final List<User> ALL = List.of(
            new User("patient1", "patient", "housecall-web", "patient1@housecall.test", "Pat", "One"),
            new User("patient2", "patient", "housecall-web", "patient2@housecall.test", "Pat", "Two"),
            new User("nurse1", "nurse", "housecall-mobile", "nurse1@housecall.test", "Nora", "One"),
            new User("clinician1", "clinician", "housecall-web", "clinician1@housecall.test", "Cleo", "One"),
            new User("operator1", "operator", "housecall-ops", "operator1@housecall.test", "Otto", "One"),
            new User("clinic-a", "clinic", "clinic-a", null, null, null),
            new User("clinic-b", "clinic", "clinic-b", null, null, null));

    private static final Map<String, User> BY_NAME = Map.copyOf(
            ALL.stream().collect(java.util.stream.Collectors.toMap(User::username, u -> u)));

    private DemoUsers() {
    }

    public static Optional<User> find(String username) {
        return Optional.ofNullable(BY_NAME.get(username));
    }
}
