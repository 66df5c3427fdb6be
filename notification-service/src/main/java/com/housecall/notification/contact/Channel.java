package com.housecall.notification.contact;

/** The ways a patient can be reached, as {@code preferredChannels} names them. */
public enum Channel {
    EMAIL,
    SMS
}
