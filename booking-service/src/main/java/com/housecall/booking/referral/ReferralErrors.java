package com.housecall.booking.referral;

import com.housecall.messaging.FailureReason;
import com.housecall.security.problem.DatabaseUnavailable;
import com.housecall.security.problem.ServiceBusy;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the referral API as FHIR {@code OperationOutcome}s, ahead of the platform's problem+json advice. Fixed
 * sentences only: no value, class name or stack trace reaches the answer or the log.
 */
@RestControllerAdvice(assignableTypes = ReferralController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReferralErrors {

    private static final Logger log = LoggerFactory.getLogger(ReferralErrors.class);

    private final OperationOutcomes outcomes;

    ReferralErrors(OperationOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @ExceptionHandler(FhirProblem.class)
    ResponseEntity<byte[]> problem(FhirProblem e) {
        return outcomes.error(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> other(Exception e) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            int status = known.getStatusCode().value();
            return outcomes.error(new FhirProblem(status, OperationOutcomes.issueType(status),
                    "The request cannot be processed as sent."));
        }
        if (e instanceof ServiceBusy) {
            return retryLater(outcomes.error(new FhirProblem(503, IssueType.TRANSIENT, ServiceBusy.DETAIL)),
                    ServiceBusy.RETRY_AFTER_SECONDS);
        }
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("referral request failed, database unavailable: {}", FailureReason.types(e));
            return retryLater(outcomes.error(new FhirProblem(503, IssueType.TRANSIENT, DatabaseUnavailable.DETAIL)),
                    DatabaseUnavailable.RETRY_AFTER_SECONDS);
        }
        log.error("referral request failed: {}", FailureReason.types(e));
        return outcomes.error(new FhirProblem(500, IssueType.EXCEPTION, "The referral could not be processed."));
    }

    private static ResponseEntity<byte[]> retryLater(ResponseEntity<byte[]> outcome, int seconds) {
        return ResponseEntity.status(outcome.getStatusCode()).headers(outcome.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(seconds)).body(outcome.getBody());
    }
}
