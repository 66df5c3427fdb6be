package com.housecall.booking.referral;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * An error of the referral API, answered as an {@code OperationOutcome} with one issue per problem. Diagnostics are
 * fixed sentences and field names: never a submitted value.
 */
class FhirProblem extends RuntimeException {

    /** One problem: its FHIR issue type, where it is (a FHIRPath expression, or null) and what is wrong. */
    record Issue(IssueType type, String expression, String diagnostics) {
    }

    private final int status;
    private final List<Issue> issues;

    FhirProblem(int status, List<Issue> issues) {
        super("referral problem", null, false, false);
        this.status = status;
        this.issues = List.copyOf(issues);
    }

    FhirProblem(int status, IssueType type, String diagnostics) {
        this(status, List.of(new Issue(type, null, diagnostics)));
    }

    int status() {
        return status;
    }

    List<Issue> issues() {
        return issues;
    }
}
