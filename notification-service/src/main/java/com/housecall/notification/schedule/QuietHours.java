package com.housecall.notification.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Quiet hours [start, end) in the patient's zone, by default [21:00, 08:00) (CLINICAL-RULES.md section 4): scheduled
 * messages wait until {@code end}; crisis messages, and replies to the patient's own action sent within 5 minutes of
 * it, go at once. {@code start} equal to {@code end} means none (a setting, as every clinical threshold is).
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    public static final Duration REPLY_WINDOW = Duration.ofMinutes(5);

    public boolean isQuiet(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        if (start.isAfter(end)) { // over midnight
            return !local.isBefore(start) || local.isBefore(end);
        }
        return !local.isBefore(start) && local.isBefore(end);
    }

    /** The first moment at or after {@code at} outside quiet hours: {@code at} itself, or the next {@code end}. */
    public Instant nextAllowed(Instant at, ZoneId zone) {
        if (!isQuiet(at, zone)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        ZonedDateTime until = local.toLocalTime().isBefore(end)
                ? local.toLocalDate().atTime(end).atZone(zone)
                : local.toLocalDate().plusDays(1).atTime(end).atZone(zone);
        return until.toInstant();
    }

    /**
     * Until when a message due now must wait: empty when it may go now.
     *
     * @param anyHour  crisis messages and the other exempt types are never held
     * @param actionAt the patient's own action this message answers, if any
     */
    public Optional<Instant> holdUntil(Instant now, ZoneId zone, boolean anyHour, Optional<Instant> actionAt) {
        if (anyHour || !isQuiet(now, zone)) {
            return Optional.empty();
        }
        if (actionAt.isPresent() && !now.isAfter(actionAt.get().plus(REPLY_WINDOW))) {
            return Optional.empty();
        }
        return Optional.of(nextAllowed(now, zone));
    }
}
