package com.housecall.messaging;

/**
 * A record that can never be processed (missing CloudEvents header, unreadable payload): it goes to the
 * dead-letter topic at once, without retries. Its message must name no payload value.
 */
public class EventRejectedException extends RuntimeException implements SafeMessage {

    public EventRejectedException(String safeMessage) {
        super(safeMessage);
    }
}
