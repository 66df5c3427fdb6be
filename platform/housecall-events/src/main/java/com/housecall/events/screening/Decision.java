package com.housecall.events.screening;

/** A clinician's decision on a case in review or on safety hold. */
public enum Decision {
    APPROVE, DECLINE
}
