package com.housecall.events.booking;

/** Why booking asks dispatch for a visit: a new one, a patient's or operator's reschedule, a next-day re-plan. */
public enum VisitPurpose {
    BOOK, RESCHEDULE, REPLAN
}
