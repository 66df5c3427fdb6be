package com.housecall.notification.message;

/**
 * What a message tells (CLINICAL-RULES.md sections 4 and 5), with its template name.
 * {@code crisis}: every consented channel, never held by quiet hours, retried even when the outcome is unknown.
 * {@code reply}: answers the patient's own action, so it may go in quiet hours within 5 minutes of it.
 * {@code anyHour}: never held by quiet hours although routine (the nurse is on the way, aftercare: both are about
 * a visit happening now).
 * {@code reminder}: scheduled for a visit, never sent for a visit that is off, nor before the visit's confirmation.
 */
public enum NotificationType {
    REQUEST_RECEIVED("request-received", Flag.REPLY),
    IN_REVIEW("in-review", Flag.REPLY),
    INELIGIBLE("ineligible", Flag.REPLY),
    SAFETY_HOLD("safety-hold", Flag.CRISIS),
    /** A clinician approved after review: we are finding a nurse. Scheduled: held in quiet hours. */
    REVIEW_APPROVED("review-approved", Flag.NONE),
    /** A clinician declined an intake in review. */
    REVIEW_DECLINED("review-declined", Flag.NONE),
    /** A clinician declined a crisis case: as REVIEW_DECLINED, and 988 again. */
    CRISIS_DECLINED("crisis-declined", Flag.NONE),
    /** A clinician declined further maintenance: the course ends. */
    COURSE_ENDED("course-ended", Flag.NONE),
    /** SMS: visit 1 and how many more; email (the course email): every date, once the course is settled. */
    BOOKING_CONFIRMED("booking-confirmed", Flag.REPLY),
    /** A visit booked after the course email went (e.g. re-planned after it was unschedulable). */
    VISIT_SCHEDULED("visit-scheduled", Flag.NONE),
    /** A booked visit has a new start: rescheduled, re-dispatched or reassigned. */
    VISIT_MOVED("visit-moved", Flag.NONE),
    /** Same start, another nurse. */
    NEW_NURSE("new-nurse", Flag.NONE),
    /** A reschedule found no nurse: the visit keeps its time, or stays unscheduled. */
    RESCHEDULE_FAILED("reschedule-failed", Flag.NONE),
    BOOKING_UNFULFILLED("booking-unfulfilled", Flag.NONE),
    VISIT_UNSCHEDULABLE("visit-unschedulable", Flag.NONE),
    VISIT_REMINDER("visit-reminder", Flag.REMINDER),
    FASTING_REMINDER("fasting-reminder", Flag.REMINDER),
    EN_ROUTE("en-route", Flag.ANY_HOUR),
    AFTERCARE("aftercare", Flag.ANY_HOUR),
    VISIT_CANCELLED("visit-cancelled", Flag.REPLY),
    CONSULTATION_CANCELLED("consultation-cancelled", Flag.REPLY),
    /** Cancelled while on safety hold: says so kindly and names 988 (no reason named). */
    HOLD_CANCELLED("hold-cancelled", Flag.REPLY),
    ON_CALL_PAGE("on-call-page", Flag.CRISIS),
    /** A visit record escalated (CLINICAL-RULES.md section 6): paged to the on-call clinician as a safety alert. */
    VISIT_ESCALATION_PAGE("visit-escalation-page", Flag.CRISIS);

    private enum Flag { NONE, CRISIS, REPLY, ANY_HOUR, REMINDER }

    private final String template;
    private final Flag flag;

    NotificationType(String template, Flag flag) {
        this.template = template;
        this.flag = flag;
    }

    /** Goes to the on-call clinician of the settings, never to the patient. */
    public boolean onCall() {
        return this == ON_CALL_PAGE || this == VISIT_ESCALATION_PAGE;
    }

    public String template() {
        return template;
    }

    public boolean crisis() {
        return flag == Flag.CRISIS;
    }

    /** May go in quiet hours within 5 minutes of the patient's action it answers (when it has one). */
    public boolean reply() {
        return flag == Flag.REPLY;
    }

    public boolean anyHour() {
        return flag == Flag.ANY_HOUR || flag == Flag.CRISIS;
    }

    public boolean reminder() {
        return flag == Flag.REMINDER;
    }

    /** Announces a visit's time: the visit's reminders wait until it was sent on their channel. */
    public boolean confirmsVisit() {
        return this == BOOKING_CONFIRMED || this == VISIT_SCHEDULED || this == VISIT_MOVED;
    }
}
