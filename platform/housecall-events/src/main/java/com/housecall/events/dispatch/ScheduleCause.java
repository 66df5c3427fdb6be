package com.housecall.events.dispatch;

/**
 * Why a visit has (again) a nurse and a start: first booked, moved at the patient's request, given to another nurse
 * by dispatch, or by an operator.
 */
public enum ScheduleCause {
    BOOKED, RESCHEDULED, REDISPATCHED, REASSIGNED
}
