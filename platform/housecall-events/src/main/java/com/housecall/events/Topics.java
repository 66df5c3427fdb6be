package com.housecall.events;

/**
 * Kafka topics of CONTRACT.md section 9. The first four are shared and carry no PHI;
 * the three {@code booking.*} PHI topics each have exactly one reader.
 */
public final class Topics {

    public static final String BOOKING_EVENTS = "booking.events.v1";
    public static final String SCREENING_EVENTS = "screening.events.v1";
    public static final String DISPATCH_EVENTS = "dispatch.events.v1";
    public static final String NOTIFICATION_EVENTS = "notification.events.v1";

    /** Intake answers, age and zone: read by screening-service only. */
    public static final String BOOKING_INTAKE = "booking.intake.v1";
    /** Names, contacts, channels and consents: read by notification-service only. Compacted. */
    public static final String BOOKING_CONTACTS = "booking.contacts.v1";
    /** Address and zone, and each visit request with its address: read by dispatch-service only. */
    public static final String BOOKING_LOCATIONS = "booking.locations.v1";
    /**
     * Each consultation's data key, wrapped by the key-encryption key, that opens its PHI records on the three topics
     * above; compacted, so a shredded key's last value is the shred and the wrapped key leaves the log. No PHI.
     */
    public static final String BOOKING_KEYS = "booking.keys.v1";

    public static final java.util.List<String> ALL = java.util.List.of(BOOKING_EVENTS, SCREENING_EVENTS,
            DISPATCH_EVENTS, NOTIFICATION_EVENTS, BOOKING_INTAKE, BOOKING_CONTACTS, BOOKING_LOCATIONS, BOOKING_KEYS);

    private Topics() {
    }

    /**
     * The Spring Cloud Stream function that reads a topic is named after it: {@code booking.events.v1} is read by
     * {@code bookingEvents}, {@code booking.intake.v1} by {@code bookingIntake}. Each service lists the functions it
     * has; the platform binds each to its topic, so no configuration names a topic.
     */
    public static String bindingName(String topic) {
        String[] parts = topic.split("\\.");
        return parts[0] + Character.toUpperCase(parts[1].charAt(0)) + parts[1].substring(1);
    }

    /** The dead-letter topic of one consumer group on one topic. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }

    /** Compacted topics keep the latest value per consultation. */
    public static boolean compacted(String topic) {
        return topic.equals(BOOKING_CONTACTS) || topic.equals(BOOKING_KEYS);
    }

    public static boolean carriesPhi(String topic) {
        return topic.equals(BOOKING_INTAKE) || topic.equals(BOOKING_CONTACTS) || topic.equals(BOOKING_LOCATIONS);
    }
}
