package com.housecall.notification.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemindersTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(CHICAGO).toInstant();
    }

    @Test
    void aNineOClockVisitsFastingReminderGoesAtEightPmTheDayBefore() {
        // 8 h before 09:00 is 01:00, in quiet hours
        assertThat(Reminders.fasting(local("2026-11-12T09:00"), CHICAGO, QuietHours.DEFAULT)).isEqualTo(local("2026-11-11T20:00"));
    }

    @Test
    void acrossTheSpringForwardNightTheFastingReminderStillGoesAtEightPmLocal() {
        // 2026-03-08 02:00 does not exist in Chicago; 20:00 on the 7th is CST, 09:00 on the 8th is CDT
        Instant start = local("2026-03-08T09:00");
        Instant sent = Reminders.fasting(start, CHICAGO, QuietHours.DEFAULT);

        assertThat(sent.atZone(CHICAGO).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-07T20:00"));
        assertThat(java.time.Duration.between(sent, start)).hasHours(12); // not 13: an hour is skipped
        assertThat(Reminders.fastingCutoff(start).atZone(CHICAGO).toLocalTime()).hasToString("03:00");
    }

    @Test
    void acrossTheFallBackNightToo() {
        Instant sent = Reminders.fasting(local("2026-11-01T09:00"), CHICAGO, QuietHours.DEFAULT);

        assertThat(sent.atZone(CHICAGO).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-31T20:00"));
    }

    @Test
    void anAfternoonVisitsFastingReminderGoesEightHoursBefore() {
        assertThat(Reminders.fasting(local("2026-11-12T16:30"), CHICAGO, QuietHours.DEFAULT)).isEqualTo(local("2026-11-12T08:30"));
        // 15:00 - 8 h = 07:00, quiet: the evening before
        assertThat(Reminders.fasting(local("2026-11-12T15:00"), CHICAGO, QuietHours.DEFAULT)).isEqualTo(local("2026-11-11T20:00"));
    }

    @Test
    void theDayBeforeReminderIsSkippedWhenBookedLessThan24HoursAhead() {
        Instant start = local("2026-11-12T10:00");

        assertThat(Reminders.dayBefore(start, local("2026-11-10T10:00"))).contains(local("2026-11-11T10:00"));
        assertThat(Reminders.dayBefore(start, local("2026-11-11T10:00"))).contains(local("2026-11-11T10:00"));
        assertThat(Reminders.dayBefore(start, local("2026-11-11T10:01"))).isEmpty();
    }

    @Test
    void quietHoursAreNinePmToEightAmLocal() {
        assertThat(QuietHours.DEFAULT.isQuiet(local("2026-11-12T20:59"), CHICAGO)).isFalse();
        assertThat(QuietHours.DEFAULT.isQuiet(local("2026-11-12T21:00"), CHICAGO)).isTrue();
        assertThat(QuietHours.DEFAULT.isQuiet(local("2026-11-13T07:59"), CHICAGO)).isTrue();
        assertThat(QuietHours.DEFAULT.isQuiet(local("2026-11-13T08:00"), CHICAGO)).isFalse();
        assertThat(QuietHours.DEFAULT.nextAllowed(local("2026-11-12T22:15"), CHICAGO)).isEqualTo(local("2026-11-13T08:00"));
        assertThat(QuietHours.DEFAULT.nextAllowed(local("2026-11-13T03:00"), CHICAGO)).isEqualTo(local("2026-11-13T08:00"));
        assertThat(QuietHours.DEFAULT.nextAllowed(local("2026-11-13T12:00"), CHICAGO)).isEqualTo(local("2026-11-13T12:00"));
    }

    @Test
    void heldMessagesGoAtEightButCrisisAndRecentRepliesGoAtOnce() {
        Instant night = local("2026-11-12T23:30");

        assertThat(QuietHours.DEFAULT.holdUntil(night, CHICAGO, false, Optional.empty())).contains(local("2026-11-13T08:00"));
        assertThat(QuietHours.DEFAULT.holdUntil(night, CHICAGO, true, Optional.empty())).isEmpty();
        assertThat(QuietHours.DEFAULT.holdUntil(night, CHICAGO, false, Optional.of(night.minusSeconds(299)))).isEmpty();
        assertThat(QuietHours.DEFAULT.holdUntil(night, CHICAGO, false, Optional.of(night.minusSeconds(301))))
                .contains(local("2026-11-13T08:00"));
        assertThat(QuietHours.DEFAULT.holdUntil(local("2026-11-12T12:00"), CHICAGO, false, Optional.empty())).isEmpty();
    }

    @Test
    void quietHoursFollowThePatientsZone() {
        Instant noonInChicago = ZonedDateTime.of(LocalDateTime.parse("2026-11-12T12:00"), CHICAGO).toInstant();

        assertThat(QuietHours.DEFAULT.isQuiet(noonInChicago, ZoneId.of("Pacific/Honolulu"))).isFalse();
        assertThat(QuietHours.DEFAULT.isQuiet(noonInChicago, ZoneId.of("Asia/Tokyo"))).isTrue();
    }

    @Test
    void quietHoursAreASettingAndEqualHoursMeanNone() {
        QuietHours lunch = new QuietHours(java.time.LocalTime.of(12, 0), java.time.LocalTime.of(13, 0));
        assertThat(lunch.isQuiet(local("2026-11-12T12:30"), CHICAGO)).isTrue();
        assertThat(lunch.isQuiet(local("2026-11-12T13:00"), CHICAGO)).isFalse();
        assertThat(lunch.nextAllowed(local("2026-11-12T12:30"), CHICAGO)).isEqualTo(local("2026-11-12T13:00"));

        QuietHours none = new QuietHours(java.time.LocalTime.of(8, 0), java.time.LocalTime.of(8, 0));
        assertThat(none.isQuiet(local("2026-11-12T03:00"), CHICAGO)).isFalse();
        assertThat(none.holdUntil(local("2026-11-12T23:00"), CHICAGO, false, Optional.empty())).isEmpty();
    }
}
