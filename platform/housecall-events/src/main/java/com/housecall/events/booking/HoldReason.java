package com.housecall.events.booking;

/** Why a consultation entered SAFETY_HOLD: a crisis in the intake, or in a fresh PHQ-9. */
public enum HoldReason {
    CRISIS_INTAKE, CRISIS_PHQ9
}
