package com.housecall.localstack.launcher;

/** A failure the user can act on: its message is printed as is, without a stack trace. */
final class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message);
    }
}
