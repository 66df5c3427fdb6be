package com.housecall.booking.referral;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * An error of the partner FHIR API (referrals, {@code /api/fhir}), answered as an {@code OperationOutcome} with one
 * issue per problem. Diagnostics are fixed sentences and field names: never a submitted value.
 */
public class FhirProblem extends RuntimeException {

    /** One problem: its FHIR issue type, where it is (a FHIRPath expression, or null) and what is wrong. */
    public record Issue(IssueType type, String expression, String diagnostics) {
    }

    private final int status;
    private final List<Issue> issues;

    public FhirProblem(int status, List<Issue> issues) {
        super("referral problem", null, false, false);
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    public FhirProblem(int status, IssueType type, String diagnostics) {
        this(status, List.of(new Issue(type, null, diagnostics)));
    }

    int status() {
        return status;
    }

    List<Issue> issues() {
        return issues;
    }
}
