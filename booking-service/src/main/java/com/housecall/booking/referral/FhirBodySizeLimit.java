package com.housecall.booking.referral;

import com.housecall.security.BodySizeLimit;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The body limit of every service, answered as a FHIR OperationOutcome on {@code /api/referrals/**} and
 * {@code /api/fhir/**}.
 */
@Component
class FhirBodySizeLimit extends BodySizeLimit {

    @Override
    protected Refusal refusal(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!OperationOutcomes.isFhirPath(path)) {
            return super.refusal(request);
        }
        return new Refusal("application/fhir+json", "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":"
                + "\"error\",\"code\":\"too-costly\",\"diagnostics\":\"The body is larger than 64 KiB.\"}]}");
    }
}
