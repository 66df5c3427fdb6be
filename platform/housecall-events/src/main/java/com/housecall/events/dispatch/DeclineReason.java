package com.housecall.events.dispatch;

/** Why a nurse gave a visit up: declined, late, taken out of dispatch, or no longer free then. */
public enum DeclineReason {
    NURSE_DECLINED, LATE_NURSE, NURSE_INACTIVE, NURSE_UNAVAILABLE
}
