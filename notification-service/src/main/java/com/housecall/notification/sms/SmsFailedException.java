package com.housecall.notification.sms;

import com.housecall.messaging.SafeMessage;

/**
 * An SMS that did not go out, with a reason code ({@code PROVIDER_REJECTED}, {@code INVALID_NUMBER},
 * {@code PROVIDER_UNAVAILABLE}, {@code PROVIDER_AUTH_FAILED}, {@code OUTCOME_UNKNOWN}); names no number or text.
 */
public class SmsFailedException extends RuntimeException implements SafeMessage {

    private final String reason;

    SmsFailedException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    SmsFailedException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
