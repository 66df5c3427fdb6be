package com.housecall.booking.referral;

import com.housecall.security.Roles;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * {@code /api/fhir/**} (DECISIONS 3): partner clinics only, the same bearer-token checks as the rest of the service,
 * 401 and 403 as {@code OperationOutcome}s, SMART scopes where the token has them ({@link SmartScopes}). The
 * CapabilityStatement and the SMART configuration need no token.
 */
@Configuration(proxyBeanMethods = false)
class FhirSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain fhirApi(HttpSecurity http, JwtAuthenticationConverter roles, OperationOutcomes outcomes)
            throws Exception {
        ReferralSecurity.partnerChain(http, roles, outcomes)
                .securityMatcher(FhirServer.BASE, FhirServer.BASE + "/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, FhirServer.BASE + "/metadata",
                                FhirServer.BASE + SmartConfiguration.PATH).permitAll()
                        .anyRequest().access(FhirSecurity::clinicWithinScopes));
        return http.build();
    }

    /** The clinic role, and a SMART client's {@code system/} scopes where its token carries them. */
    private static AuthorizationDecision clinicWithinScopes(Supplier<? extends Authentication> authentication,
                                                            RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        boolean clinic = caller != null && caller.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Roles.CLINIC));
        if (!clinic || !(caller instanceof JwtAuthenticationToken token)) {
            return new AuthorizationDecision(false);
        }
        String scope = token.getToken().getClaimAsString("scope");
        List<String> scopes = scope == null ? List.of() : List.of(scope.trim().split("\\s+"));
        HttpServletRequest request = context.getRequest();
        String path = request.getRequestURI().substring(FhirServer.BASE.length());
        return new AuthorizationDecision(SmartScopes.allows(scopes, request.getMethod(), path));
    }
}
