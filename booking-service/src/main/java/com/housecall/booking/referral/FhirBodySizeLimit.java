package com.housecall.booking.referral;

import com.housecall.security.BodySizeLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** The body limit of every service, answered as a FHIR OperationOutcome on {@code /api/referrals/**}. */
@Component
class FhirBodySizeLimit extends BodySizeLimit {

    @Override
    protected void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (!path.equals("/api/referrals") && !path.startsWith("/api/referrals/")) {
            super.tooLarge(request, response);
            return;
        }
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("application/fhir+json");
        response.getOutputStream().write(("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                + "\"code\":\"too-costly\",\"diagnostics\":\"The body is larger than 64 KiB.\"}]}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
