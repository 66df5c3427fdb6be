package com.housecall.security.problem;

/** A move the state machine forbids; the message is shown to the caller, so it names states, not data. */
public class ConflictException extends RuntimeException {

    public ConflictException(String safeDetail) {
        super(safeDetail);
    }
}
