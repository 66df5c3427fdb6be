package com.housecall.security.problem;

/** A record that does not exist, is not the caller's, or has a malformed id: all answer the same 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException() {
        super("not found");
    }
}
