package com.housecall.notification.message;

/** What a message tells the patient (CLINICAL-RULES.md section 4); more come with the notifications issue. */
public enum NotificationType {
    BOOKING_CONFIRMED
}
