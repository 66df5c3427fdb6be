package com.housecall.notification.message;

/**
 * Where one notification is. {@code SENDING} means a sender claimed it ({@code claimed_at}); the API shows it as
 * {@code QUEUED}. A sender that dies mid-send leaves it there until the claim is older than the send lease: then
 * ({@code AbandonedSends}) a crisis message or page is {@code QUEUED} again, any other is {@code FAILED}
 * {@code OUTCOME_UNKNOWN}, never sent twice.
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
