package com.housecall.notification.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** When a visit's reminders go (CLINICAL-RULES.md section 4). */
public final class Reminders {

    public static final Duration DAY_BEFORE = Duration.ofHours(24);
    public static final Duration FASTING_NOTICE = Duration.ofHours(8);
    /** No food for the last 6 hours (the rules say 4 to 6): the cutoff the fasting reminder names. */
    public static final Duration FASTING = Duration.ofHours(6);
    public static final LocalTime EVENING_BEFORE = LocalTime.of(20, 0);

    private Reminders() {
    }

    /** 24 h before the start; none when the visit was booked less than 24 h ahead. */
    public static Optional<Instant> dayBefore(Instant start, Instant bookedAt) {
        if (Duration.between(bookedAt, start).compareTo(DAY_BEFORE) < 0) {
            return Optional.empty();
        }
        return Optional.of(start.minus(DAY_BEFORE));
    }

    /**
     * 8 h before the start; when that falls in quiet hours, 20:00 (patient time) on the day before the visit, so
     * the patient reads it before the fasting starts.
     */
    public static Instant fasting(Instant start, ZoneId zone, QuietHours quietHours) {
        Instant eightBefore = start.minus(FASTING_NOTICE);
        if (!quietHours.isQuiet(eightBefore, zone)) {
            return eightBefore;
        }
        ZonedDateTime visit = start.atZone(zone);
        return visit.toLocalDate().minusDays(1).atTime(EVENING_BEFORE).atZone(zone).toInstant();
    }

    /** "Please don't eat after" this time: start − 6 h. */
    public static Instant fastingCutoff(Instant start) {
        return start.minus(FASTING);
    }
}
