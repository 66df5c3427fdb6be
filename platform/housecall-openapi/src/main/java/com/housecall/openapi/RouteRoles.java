package com.housecall.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Each route's roles from its {@link ApiRoles} (or {@link NoToken}): the bearer security requirement with the role
 * names, and a first line of the description that names them for readers of the Swagger UI.
 */
final class RouteRoles implements GlobalOperationCustomizer {

    static final String BEARER = "bearer";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiRoles roles = handler.getMethodAnnotation(ApiRoles.class);
        NoToken open = handler.getMethodAnnotation(NoToken.class);
        if (roles != null) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER, List.of(roles.value()))));
            String who = "**Roles:** " + String.join(", ", roles.value()) + "."
                    + (roles.ownership().isEmpty() ? "" : " " + roles.ownership());
            operation.setDescription(join(who, operation.getDescription()));
        } else if (open != null) {
            // an empty list: explicitly no bearer token, not "unspecified"
            operation.setSecurity(List.of());
            operation.setDescription(join("**No token:** " + open.value(), operation.getDescription()));
        }
        return operation;
    }

    private static String join(String first, String rest) {
        return rest == null || rest.isBlank() ? first : first + "\n\n" + rest;
    }
}
