package com.housecall.events;

/** CloudEvents {@code type}s of CONTRACT.md section 9; the timeline shows them without {@link #PREFIX}. */
public final class EventTypes {

    public static final String PREFIX = "com.housecall.";

    public static final String CONSULTATION_REQUESTED = PREFIX + "consultation.requested";
    public static final String VISIT_REQUESTED = PREFIX + "visit.requested";
    public static final String BOOKING_CONFIRMED = PREFIX + "booking.confirmed";
    public static final String INTAKE_SUBMITTED = PREFIX + "intake.submitted";
    public static final String CONTACT_UPDATED = PREFIX + "contact.updated";
    public static final String LOCATION_UPDATED = PREFIX + "location.updated";
    public static final String VISIT_LOCATION = PREFIX + "visit.location";
    public static final String BOOKING_UNFULFILLED = PREFIX + "booking.unfulfilled";
    public static final String BOOKING_COMPLETED = PREFIX + "booking.completed";
    public static final String CONSULTATION_CANCELLED = PREFIX + "consultation.cancelled";
    public static final String VISIT_CANCELLED = PREFIX + "visit.cancelled";
    public static final String PHQ9_SUBMITTED = PREFIX + "phq9.submitted";
    /** The consultation entered SAFETY_HOLD (any path): the crisis message goes out on it. */
    public static final String CONSULTATION_HELD = PREFIX + "consultation.held";
    /** On booking.intake.v1 only: the answers of a fresh PHQ-9, for screening-service. */
    public static final String PHQ9_ANSWERS = PREFIX + "phq9.answers";
    /** An operator erased the consultation's personal data: every service drops or redacts its copies. */
    public static final String PERSONAL_DATA_ERASED = PREFIX + "personal-data.erased";
    /** On booking.keys.v1: the consultation's data key, wrapped by a key-encryption key version. */
    public static final String DATA_KEY_ISSUED = PREFIX + "data-key.issued";
    /** On booking.keys.v1: the data key is gone, and with it every PHI record it sealed. */
    public static final String DATA_KEY_SHREDDED = PREFIX + "data-key.shredded";

    public static final String SCREENING_STARTED = PREFIX + "screening.started";
    public static final String SCREENING_COMPLETED = PREFIX + "screening.completed";
    public static final String SCREENING_DECIDED = PREFIX + "screening.decided";
    public static final String SAFETY_ALERT = PREFIX + "safety.alert";
    public static final String SAFETY_ACKNOWLEDGED = PREFIX + "safety.acknowledged";
    public static final String SAFETY_WITHDRAWN = PREFIX + "safety.withdrawn";

    public static final String VISIT_SCHEDULED = PREFIX + "visit.scheduled";
    public static final String VISIT_UNSCHEDULABLE = PREFIX + "visit.unschedulable";
    public static final String VISIT_STATUS_CHANGED = PREFIX + "visit.status-changed";
    public static final String VISIT_DECLINED = PREFIX + "visit.declined";
    public static final String VISIT_RESCHEDULE_FAILED = PREFIX + "visit.reschedule-failed";
    /** The visit record needs the on-call clinician (CLINICAL-RULES.md section 6). */
    public static final String VISIT_ESCALATED = PREFIX + "visit.escalated";
    public static final String VISIT_ESCALATION_ACKNOWLEDGED = PREFIX + "visit.escalation-acknowledged";

    public static final String NOTIFICATION_SENT = PREFIX + "notification.sent";
    public static final String NOTIFICATION_FAILED = PREFIX + "notification.failed";
    public static final String NOTIFICATION_SUPPRESSED = PREFIX + "notification.suppressed";

    private EventTypes() {
    }

    /** The type as the consultation timeline shows it: {@code consultation.requested}. */
    public static String shortName(String type) {
        return type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : type;
    }
}
