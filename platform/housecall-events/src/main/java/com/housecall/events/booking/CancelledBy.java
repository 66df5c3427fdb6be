package com.housecall.events.booking;

/** Who cancelled a consultation. */
public enum CancelledBy {
    PATIENT, CLINIC, OPERATOR
}
