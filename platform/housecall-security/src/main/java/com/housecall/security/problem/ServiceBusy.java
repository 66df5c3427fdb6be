package com.housecall.security.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The service is handling as many API requests as it may: 503 with {@code Retry-After}; the request changed
 * nothing and may be sent again in a moment.
 */
public final class ServiceBusy extends ErrorResponseException {

    /** Seconds a client is asked to wait before sending the request again. */
    public static final int RETRY_AFTER_SECONDS = 1;
    public static final String DETAIL =
            "The service is handling as many requests as it can; send the request again in a moment.";

    public ServiceBusy() {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL),
                null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    }
}
