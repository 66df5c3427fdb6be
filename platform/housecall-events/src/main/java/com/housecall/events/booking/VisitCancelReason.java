package com.housecall.events.booking;

/** Why booking called a visit off; SAFETY_HOLD cancellations are never texted (the crisis message says it). */
public enum VisitCancelReason {
    CONSULTATION_CANCELLED, PATIENT_REQUEST, SAFETY_HOLD
}
