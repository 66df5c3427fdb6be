package com.housecall.booking.referral;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import com.housecall.messaging.FailureReason;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every error of {@code /api/fhir} as an {@code OperationOutcome} of fixed sentences: a {@link FhirProblem} as it
 * names itself, HAPI's own 4xx by status (its messages may quote the request), anything else a 500 whose log line
 * names exception types only. Public for HAPI's interceptor registry.
 */
@Component
public class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);

    /** The answer HAPI writes: its status and OperationOutcome, and a message that is never shown. */
    static final class Answer extends BaseServerResponseException {

        Answer(int status, List<FhirProblem.Issue> issues) {
            super(status, "FHIR request refused", OperationOutcomes.outcome(issues));
        }
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException answer(Throwable thrown, HttpServletRequest request) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof Answer answer) {
                return answer;
            }
            if (cause instanceof FhirProblem problem) {
                return new Answer(problem.status(), problem.issues());
            }
        }
        if (thrown instanceof BaseServerResponseException hapi && hapi.getStatusCode() == 400
                && request.getContentType() != null) {
            try {
                FhirReader.charset(request.getContentType()); // a body that is not FHIR JSON at all: 415
            } catch (FhirProblem problem) {
                return new Answer(problem.status(), problem.issues());
            }
        }
        if (unparseable(thrown)) {
            return new Answer(400, List.of(new FhirProblem.Issue(OperationOutcome.IssueType.STRUCTURE, null,
                    "The body must be a FHIR R4 resource in JSON.")));
        }
        if (thrown instanceof BaseServerResponseException hapi && hapi.getStatusCode() < 500) {
            int status = hapi.getStatusCode();
            return new Answer(status, List.of(new FhirProblem.Issue(OperationOutcomes.issueType(status), null,
                    sentence(status))));
        }
        log.error("FHIR request failed: {}", FailureReason.types(thrown));
        return new Answer(500, List.of(new FhirProblem.Issue(OperationOutcome.IssueType.EXCEPTION, null,
                "The request could not be processed.")));
    }

    /** HAPI reads a create's body itself before the provider does: HAPI-0450 is its "not FHIR JSON". */
    private static boolean unparseable(Throwable thrown) {
        return thrown instanceof InvalidRequestException invalid && (invalid.getCause() instanceof DataFormatException
                || String.valueOf(invalid.getMessage()).startsWith("HAPI-0450"));
    }

    private static String sentence(int status) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This interaction is not supported on this resource.";
            case 406, 415 -> "This format is not supported.";
            default -> "The request cannot be processed as sent.";
        };
    }
}
