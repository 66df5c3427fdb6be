package com.housecall.security;

import java.util.List;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, for ownership checks: a patient by {@code sub}, a nurse by {@code preferred_username}, a
 * partner clinic by {@code azp} (its client id).
 */
public record Caller(String subject, String username, String clientId, List<String> roles) {

    public static Caller of(Jwt jwt) {
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), jwt.getClaimAsString("azp"),
                realmRoles(jwt));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    static List<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof List<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf).toList();
    }
}
