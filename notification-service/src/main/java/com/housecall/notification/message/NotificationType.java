package com.housecall.notification.message;

/**
 * What a message tells (CLINICAL-RULES.md sections 4 and 5), with its template name.
 * {@code crisis}: every consented channel, never held by quiet hours, retried even when the outcome is unknown.
 * {@code reply}: answers the patient's own action, so it may go in quiet hours within 5 minutes of it.
 * {@code reminder}: scheduled for a visit, never sent for a visit that is off.
 */
public enum NotificationType {
    REQUEST_RECEIVED("request-received", false, true, false),
    IN_REVIEW("in-review", false, true, false),
    INELIGIBLE("ineligible", false, true, false),
    SAFETY_HOLD("safety-hold", true, true, false),
    BOOKING_CONFIRMED("booking-confirmed", false, false, false),
    VISIT_SCHEDULED("visit-scheduled", false, false, false),
    BOOKING_UNFULFILLED("booking-unfulfilled", false, false, false),
    VISIT_UNSCHEDULABLE("visit-unschedulable", false, false, false),
    VISIT_REMINDER("visit-reminder", false, false, true),
    FASTING_REMINDER("fasting-reminder", false, false, true),
    EN_ROUTE("en-route", false, false, false),
    AFTERCARE("aftercare", false, false, false),
    VISIT_CANCELLED("visit-cancelled", false, true, false),
    CONSULTATION_CANCELLED("consultation-cancelled", false, true, false),
    ON_CALL_PAGE("on-call-page", true, false, false);

    private final String template;
    private final boolean crisis;
    private final boolean reply;
    private final boolean reminder;

    NotificationType(String template, boolean crisis, boolean reply, boolean reminder) {
        this.template = template;
        this.crisis = crisis;
        this.reply = reply;
        this.reminder = reminder;
    }

    public String template() {
        return template;
    }

    public boolean crisis() {
        return crisis;
    }

    public boolean reply() {
        return reply;
    }

    public boolean reminder() {
        return reminder;
    }
}
