package com.housecall.messaging;

import org.apache.kafka.common.KafkaException;
import org.springframework.dao.DataAccessException;

/**
 * The reason a failure shows in logs and {@code x-exception-message}: the message of a {@link SafeMessage}
 * exception, else a category. Other exception messages may quote payloads (Jackson does), so they never leave.
 */
public final class FailureReason {

    private FailureReason() {
    }

    /** The chain of exception types, for the engineer's log: types only, since messages may quote data. */
    public static String types(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " < ").append(t.getClass().getSimpleName());
        }
        return chain.toString();
    }

    public static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SafeMessage && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessException) {
                return "database error";
            }
            if (t instanceof KafkaException) {
                return "broker error";
            }
        }
        return "processing failed";
    }
}
