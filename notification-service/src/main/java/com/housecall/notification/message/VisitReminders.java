package com.housecall.notification.message;

import com.housecall.notification.schedule.QuietHours;
import com.housecall.notification.schedule.Reminders;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** A visit's day-before and fasting reminders: recorded when it is booked, moved with it. */
@Component
class VisitReminders {

    private final Messages messages;
    private final MessageRecorder recorder;
    private final Clock clock;
    private final QuietHours quietHours;

    VisitReminders(Messages messages, MessageRecorder recorder, Clock clock, QuietHours quietHours) {
        this.quietHours = quietHours;
        this.messages = messages;
        this.recorder = recorder;
        this.clock = clock;
    }

    void schedule(UUID consultationId, UUID visitId, OffsetDateTime start, ZoneId zone, @Nullable String nurse,
                  Instant bookedAt) {
        Reminders.dayBefore(start.toInstant(), bookedAt).ifPresent(at -> recorder.record(reminder(consultationId,
                visitId, NotificationType.VISIT_REMINDER, start, zone, nurse, at)));
        recorder.record(reminder(consultationId, visitId, NotificationType.FASTING_REMINDER, start, zone, nurse,
                fasting(start, zone)));
    }

    void move(UUID consultationId, UUID visitId, OffsetDateTime start, ZoneId zone, @Nullable String nurse,
              Instant movedAt) {
        Optional<Instant> dayBefore = Reminders.dayBefore(start.toInstant(), movedAt);
        if (messages.hasMessage(visitId, NotificationType.VISIT_REMINDER)) {
            messages.reschedule(visitId, NotificationType.VISIT_REMINDER, start, zone.getId(), dayBefore);
        } else {
            dayBefore.ifPresent(at -> recorder.record(reminder(consultationId, visitId,
                    NotificationType.VISIT_REMINDER, start, zone, nurse, at)));
        }
        if (messages.hasMessage(visitId, NotificationType.FASTING_REMINDER)) {
            messages.reschedule(visitId, NotificationType.FASTING_REMINDER, start, zone.getId(),
                    Optional.of(fasting(start, zone)));
        } else {
            recorder.record(reminder(consultationId, visitId, NotificationType.FASTING_REMINDER, start, zone, nurse,
                    fasting(start, zone)));
        }
    }

    private Instant fasting(OffsetDateTime start, ZoneId zone) {
        Instant fasting = Reminders.fasting(start.toInstant(), zone, quietHours);
        Instant now = clock.instant();
        return fasting.isBefore(now) ? now : fasting;
    }

    private static Messages.NewMessage reminder(UUID consultationId, UUID visitId, NotificationType type,
                                                OffsetDateTime start, ZoneId zone, @Nullable String nurse,
                                                Instant at) {
        return new Messages.NewMessage(consultationId, visitId, type, visitId, start, zone.getId(), nurse, at, null,
                null);
    }
}
