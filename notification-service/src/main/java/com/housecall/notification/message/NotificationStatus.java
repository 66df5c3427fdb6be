package com.housecall.notification.message;

/**
 * Where one notification is. {@code SENDING} means the sender claimed it: a crash then leaves it there, never
 * sent twice (a send whose outcome is unknown is not retried); the API shows it as {@code QUEUED}.
 */
public enum NotificationStatus {
    QUEUED,
    SENDING,
    SENT,
    SUPPRESSED,
    FAILED;

    /** The status of CONTRACT.md section 10. */
    public String shown() {
        return this == SENDING ? QUEUED.name() : name();
    }
}
