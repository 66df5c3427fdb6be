package com.housecall.booking.referral;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * FHIR answers of {@code /api/referrals/**}: resources as {@code application/fhir+json}, and every error, security's
 * 401 and 403 included, as an {@code OperationOutcome} (CONTRACT.md section 3).
 */
@Component
class OperationOutcomes {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final FhirContext fhir;

    OperationOutcomes(FhirContext fhir) {
        this.fhir = fhir;
    }

    /** The FHIR R4 issue type (http://hl7.org/fhir/issue-type) of an error status, as the gateway chooses it. */
    static IssueType issueType(int status) {
        return switch (status) {
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 413 -> IssueType.TOOCOSTLY;
            case 429 -> IssueType.THROTTLED;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 409 -> IssueType.CONFLICT;
            default -> status >= 400 && status < 500 ? IssueType.INVALID : IssueType.EXCEPTION;
        };
    }

    static OperationOutcome outcome(List<FhirProblem.Issue> issues) {
        OperationOutcome outcome = new OperationOutcome();
        for (FhirProblem.Issue issue : issues) {
            OperationOutcome.OperationOutcomeIssueComponent component = outcome.addIssue()
                    .setSeverity(IssueSeverity.ERROR).setCode(issue.type()).setDiagnostics(issue.diagnostics());
            if (issue.expression() != null) {
                component.addExpression(issue.expression());
            }
        }
        return outcome;
    }

    String json(Resource resource) {
        return fhir.newJsonParser().encodeResourceToString(resource);
    }

    ResponseEntity<byte[]> body(ResponseEntity.BodyBuilder builder, Resource resource) {
        return builder.contentType(FHIR_JSON).body(json(resource).getBytes(StandardCharsets.UTF_8));
    }

    ResponseEntity<byte[]> error(FhirProblem problem) {
        return body(ResponseEntity.status(problem.status()), outcome(problem.issues()));
    }

    ResponseEntity<byte[]> error(int status, String diagnostics) {
        return error(new FhirProblem(status, issueType(status), diagnostics));
    }

    /** For filters and security handlers, which answer before any controller. */
    void write(HttpServletResponse response, int status, String diagnostics) throws IOException {
        response.setStatus(status);
        response.setContentType(FHIR_JSON.toString());
        byte[] body = json(outcome(List.of(new FhirProblem.Issue(issueType(status), null, diagnostics))))
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The partner routes, where every error is an OperationOutcome (DECISIONS 3). */
    static boolean isFhirPath(String path) {
        return path.equals("/api/referrals") || path.startsWith("/api/referrals/")
                || path.equals(FhirServer.BASE) || path.startsWith(FhirServer.BASE + "/");
    }
}
