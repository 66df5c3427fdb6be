package com.housecall.gateway.security;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What the edge needs of a caller: the realm roles, the account ({@code sub}) and the client ({@code azp}) the token
 * was issued to. The same reading of the token as the services' {@code Caller}.
 */
public record EdgeCaller(@Nullable String subject, @Nullable String clientId, List<String> roles) {

    public static final String CLINIC = "clinic";
    public static final String PATIENT = "patient";

    public static EdgeCaller of(Jwt jwt) {
        return new EdgeCaller(jwt.getSubject(), jwt.getClaimAsString("azp"), realmRoles(jwt));
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
