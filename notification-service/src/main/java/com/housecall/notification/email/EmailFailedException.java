package com.housecall.notification.email;

import com.housecall.messaging.SafeMessage;

/** An email that did not go out, with a reason code such as {@code PROVIDER_REJECTED}; names no address or text. */
public class EmailFailedException extends RuntimeException implements SafeMessage {

    private final String reason;

    EmailFailedException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
