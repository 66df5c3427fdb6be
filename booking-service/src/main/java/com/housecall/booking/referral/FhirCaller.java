package com.housecall.booking.referral;

import com.housecall.security.Caller;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** The partner clinic calling: its client id ({@code azp}), which owns its referrals, Tasks and subscriptions. */
public final class FhirCaller {

    private FhirCaller() {
    }

    static String clinic(Jwt jwt) {
        String clinic = jwt == null ? null : Caller.of(jwt).clientId();
        if (clinic == null || clinic.isBlank()) {
            throw new FhirProblem(403, IssueType.FORBIDDEN, "The token names no partner clinic (azp).");
        }
        return clinic;
    }

    /** Inside the FHIR servlet: the security chain ran on this thread before it and left the token here. */
    public static String clinic() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return clinic(authentication instanceof JwtAuthenticationToken token ? token.getToken() : null);
    }
}
