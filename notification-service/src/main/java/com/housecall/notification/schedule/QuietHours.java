package com.housecall.notification.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Quiet hours [21:00, 08:00) in the patient's zone (CLINICAL-RULES.md section 4): scheduled messages wait until
 * 08:00; crisis messages, and replies to the patient's own action sent within 5 minutes of it, go at once.
 */
public final class QuietHours {

    public static final LocalTime START = LocalTime.of(21, 0);
    public static final LocalTime END = LocalTime.of(8, 0);
    public static final Duration REPLY_WINDOW = Duration.ofMinutes(5);

    private QuietHours() {
    }

    public static boolean isQuiet(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return !local.isBefore(START) || local.isBefore(END);
    }

    /** The first moment at or after {@code at} outside quiet hours: {@code at} itself, or the next 08:00. */
    public static Instant nextAllowed(Instant at, ZoneId zone) {
        if (!isQuiet(at, zone)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime end = local.toLocalTime().isBefore(END)
                ? local.toLocalDate().atTime(END).atZone(zone)
                : local.toLocalDate().plusDays(1).atTime(END).atZone(zone);
        return end.toInstant();
    }

    /**
     * Until when a message due now must wait: empty when it may go now.
     *
     * @param crisis   crisis messages are never held
     * @param actionAt the patient's own action this message answers, if any
     */
    public static Optional<Instant> holdUntil(Instant now, ZoneId zone, boolean crisis, Optional<Instant> actionAt) {
        if (crisis || !isQuiet(now, zone)) {
            return Optional.empty();
        }
        if (actionAt.isPresent() && !now.isAfter(actionAt.get().plus(REPLY_WINDOW))) {
            return Optional.empty();
        }
        return Optional.of(nextAllowed(now, zone));
    }
}
