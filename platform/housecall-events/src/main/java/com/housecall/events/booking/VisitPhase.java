package com.housecall.events.booking;

/** The part of the course a visit belongs to (CLINICAL-RULES.md section 2). */
public enum VisitPhase {
    INDUCTION, MAINTENANCE
}
