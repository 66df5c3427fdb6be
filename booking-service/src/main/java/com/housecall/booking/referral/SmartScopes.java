package com.housecall.booking.referral;

import java.util.Collection;
import java.util.Locale;

/**
 * SMART Backend Services scopes on {@code /api/fhir/**} (DECISIONS 42): a token that carries {@code system/} scopes
 * (clinic-c's, with {@code private_key_jwt}) is held to them; a clinic on a client secret, whose token has none,
 * keeps the clinic role's reach. SMART v1 names: {@code system/<Type|*>.<read|write|*>}. Plain Java.
 */
final class SmartScopes {

    private static final String SYSTEM = "system/";

    private SmartScopes() {
    }

    /** {@code path} within {@code /api/fhir}: {@code /Task/1}, {@code /ServiceRequest}. */
    static boolean allows(Collection<String> scopes, String method, String path) {
        if (scopes.stream().noneMatch(scope -> scope.startsWith(SYSTEM))) {
            return true;
        }
        String[] segments = path.replaceFirst("^/+", "").split("/");
        String type = segments[0].isEmpty() ? "*" : segments[0];
        String access = method.toUpperCase(Locale.ROOT).equals("GET") ? "read" : "write";
        return scopes.contains(SYSTEM + type + "." + access) || scopes.contains(SYSTEM + type + ".*")
                || scopes.contains(SYSTEM + "*." + access) || scopes.contains(SYSTEM + "*.*");
    }
}
