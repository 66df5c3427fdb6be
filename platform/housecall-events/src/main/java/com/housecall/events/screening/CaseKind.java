package com.housecall.events.screening;

/** What a clinician decided on: the first intake, or a fresh PHQ-9 before a maintenance block. */
public enum CaseKind {
    INTAKE, MAINTENANCE
}
