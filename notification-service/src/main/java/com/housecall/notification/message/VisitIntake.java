package com.housecall.notification.message;

import static com.housecall.notification.message.Events.occasion;
import static com.housecall.notification.message.Events.time;
import static com.housecall.notification.message.Events.zone;

import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.BookingUnfulfilled;
import com.housecall.events.booking.VisitCancelReason;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.dispatch.ScheduleCause;
import com.housecall.events.dispatch.VisitRescheduleFailed;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.messaging.EventRejectedException;
import com.housecall.messaging.InboundEvent;
import com.housecall.notification.NotificationProperties;
import com.housecall.notification.contact.Channel;
import com.housecall.notification.schedule.QuietHours;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Thin handlers of the visits' events (booking's and dispatch's). A course is told as one SMS on booking.confirmed
 * and one course email (see {@link Course}); later changes of a visit are one message each.
 */
@Component
class VisitIntake {

    private static final List<NotificationType> VISIT_PENDING = List.of(NotificationType.VISIT_REMINDER,
            NotificationType.FASTING_REMINDER);
    private static final List<NotificationType> VISIT_OFF = List.of(NotificationType.VISIT_REMINDER,
            NotificationType.FASTING_REMINDER, NotificationType.EN_ROUTE);

    private final Messages messages;
    private final MessageRecorder recorder;
    private final Visits visits;
    private final VisitReminders reminders;
    private final Course course;
    private final NotificationProperties properties;
    private final Clock clock;

    VisitIntake(Messages messages, MessageRecorder recorder, Visits visits, VisitReminders reminders, Course course,
                NotificationProperties properties, Clock clock) {
        this.messages = messages;
        this.recorder = recorder;
        this.visits = visits;
        this.reminders = reminders;
        this.course = course;
        this.properties = properties;
        this.clock = clock;
    }

    void bookingConfirmed(BookingConfirmed confirmed, InboundEvent event) {
        UUID consultationId = confirmed.consultationId();
        if (confirmed.visitId() == null || confirmed.start() == null || confirmed.nurseDisplayName() == null) {
            throw new EventRejectedException("booking.confirmed lacks visitId, start or nurseDisplayName");
        }
        ZoneId zone = zone(confirmed.timeZone(), "booking.confirmed");
        if (visits.find(confirmed.visitId()).isEmpty()) {
            visits.save(confirmed.visitId(), consultationId, 1, confirmed.start(), zone.getId(),
                    confirmed.nurseDisplayName());
            reminders.schedule(consultationId, confirmed.visitId(), confirmed.start(), zone,
                    confirmed.nurseDisplayName(), time(event));
        }
        // a reply to the patient's own request when it comes within 5 minutes of it; after a review it is not
        Instant confirmedAt = time(event);
        Instant requestedAt = messages.actionAt(consultationId, NotificationType.REQUEST_RECEIVED)
                .filter(at -> !confirmedAt.isAfter(at.plus(QuietHours.REPLY_WINDOW))).orElse(null);
        int courseVisits = confirmed.courseVisits() == null ? 1 : Math.max(1, confirmed.courseVisits());
        recorder.record(new Messages.NewMessage(consultationId, confirmed.visitId(), NotificationType.BOOKING_CONFIRMED,
                confirmed.visitId(), confirmed.start(), zone.getId(), confirmed.nurseDisplayName(),
                Course.deadline(clock, properties.courseEmailWait()).toInstant(), requestedAt,
                Integer.toString(courseVisits)));
        course.settleIfComplete(consultationId);
    }

    /**
     * BOOKED: visit 1 is announced by booking.confirmed and visits 2..N by the course messages; one booked after
     * the course email went gets its own message. A move (any other cause, or a new start) is one message.
     */
    void visitScheduled(VisitScheduled scheduled, InboundEvent event) {
        UUID consultationId = scheduled.consultationId();
        if (scheduled.visitId() == null || scheduled.start() == null) {
            throw new EventRejectedException("visit.scheduled lacks visitId or start");
        }
        ZoneId zone = zone(scheduled.timeZone(), "visit.scheduled");
        ScheduleCause cause = scheduled.cause() == null ? ScheduleCause.BOOKED : scheduled.cause();
        Optional<Visits.Visit> known = visits.find(scheduled.visitId());
        if (known.isPresent() && "CANCELLED".equals(known.get().status())) {
            return; // its cancellation came first (another topic): it stays off
        }
        boolean hadStart = known.isPresent() && known.get().start() != null;
        boolean sameStart = hadStart && known.get().start().toInstant().equals(scheduled.start().toInstant());
        boolean newNurse = Boolean.TRUE.equals(scheduled.nurseChanged());
        if (sameStart && (cause == ScheduleCause.BOOKED || !newNurse)) {
            return; // a repeat, or nothing the patient notices
        }
        visits.save(scheduled.visitId(), consultationId, scheduled.sequence(), scheduled.start(), zone.getId(),
                scheduled.nurseDisplayName());
        Instant at = time(event);
        if (hadStart) {
            reminders.move(consultationId, scheduled.visitId(), scheduled.start(), zone, scheduled.nurseDisplayName(),
                    at);
        } else {
            reminders.schedule(consultationId, scheduled.visitId(), scheduled.start(), zone,
                    scheduled.nurseDisplayName(), at);
        }
        NotificationType type = NotificationType.VISIT_SCHEDULED;
        UUID occasionId = occasion("visit.scheduled", scheduled.visitId(), scheduled.start().toInstant());
        Channel only = null;
        if (sameStart) {
            type = NotificationType.NEW_NURSE;
            occasionId = occasion("visit.new-nurse", scheduled.visitId(), scheduled.nurseId());
        } else if (hadStart) {
            type = NotificationType.VISIT_MOVED;
        } else if (cause == ScheduleCause.BOOKED && (scheduled.sequence() == 1 || course.open(consultationId))) {
            if (known.isEmpty() || scheduled.sequence() == 1) {
                course.settleIfComplete(consultationId);
                return; // a first booking within the course: the course messages tell it
            }
            only = Channel.SMS; // it was unschedulable, which the SMS told; the course email lists it booked
        }
        Messages.NewMessage message = new Messages.NewMessage(consultationId, occasionId, type, scheduled.visitId(),
                scheduled.start(), zone.getId(), scheduled.nurseDisplayName(), null, null, null);
        recorder.record(only == null ? message : message.onlyOn(only));
        course.settleIfComplete(consultationId);
    }

    /** A reschedule found no nurse: the visit keeps its old time ({@code keptStart}) or stays unscheduled. */
    void visitRescheduleFailed(VisitRescheduleFailed failed, InboundEvent event) {
        UUID consultationId = failed.consultationId();
        if (failed.visitId() == null) {
            throw new EventRejectedException("visit.reschedule-failed lacks visitId");
        }
        ZoneId zone = zone(failed.timeZone(), "visit.reschedule-failed");
        Instant at = failed.at() != null ? failed.at() : time(event);
        recorder.record(new Messages.NewMessage(consultationId, occasion("visit.reschedule-failed",
                failed.visitId(), at), NotificationType.RESCHEDULE_FAILED, failed.visitId(), failed.keptStart(),
                zone.getId(), null, null, null, failed.keptStart() == null ? "UNSCHEDULED" : "KEPT"));
    }

    void bookingUnfulfilled(BookingUnfulfilled unfulfilled, InboundEvent event) {
        UUID consultationId = unfulfilled.consultationId();
        // new windows may fail again: each attempt is told once
        UUID occasionId = occasion("booking.unfulfilled",
                unfulfilled.visitId() != null ? unfulfilled.visitId() : consultationId,
                unfulfilled.at() != null ? unfulfilled.at() : time(event));
        recorder.record(new Messages.NewMessage(consultationId, occasionId, NotificationType.BOOKING_UNFULFILLED,
                unfulfilled.visitId(), null, null, null, null, null, null));
    }

    /**
     * Told once per visit; while the course email is still to come only by SMS (the email lists the visit). Visit 1
     * before any confirmation is not told here: the request is unfulfilled, and that message says the same.
     */
    void visitUnschedulable(VisitUnschedulable unschedulable) {
        UUID consultationId = unschedulable.consultationId();
        if (unschedulable.visitId() == null) {
            throw new EventRejectedException("visit.unschedulable lacks visitId");
        }
        boolean inCourse = unschedulable.sequence() > 1 && course.open(consultationId);
        visits.mark(unschedulable.visitId(), consultationId, unschedulable.sequence(), "UNSCHEDULABLE");
        messages.cancel(unschedulable.visitId(), VISIT_PENDING, "VISIT_UNSCHEDULABLE");
        if (unschedulable.sequence() == 1 && !course.confirmed(consultationId)) {
            return; // the request goes UNFULFILLED: booking.unfulfilled tells the patient, once
        }
        Messages.NewMessage message = new Messages.NewMessage(consultationId, unschedulable.visitId(),
                NotificationType.VISIT_UNSCHEDULABLE, unschedulable.visitId(), null, null, null, null, null, null);
        recorder.record(inCourse ? message.onlyOn(Channel.SMS) : message);
        course.settleIfComplete(consultationId);
    }

    void visitStatusChanged(VisitStatusChanged changed) {
        UUID consultationId = changed.consultationId();
        if (changed.visitId() == null || changed.status() == null) {
            throw new EventRejectedException("visit.status-changed lacks visitId or status");
        }
        Optional<Visits.Visit> visit = visits.find(changed.visitId());
        switch (changed.status()) {
            case EN_ROUTE -> recorder.record(new Messages.NewMessage(consultationId, changed.visitId(),
                    NotificationType.EN_ROUTE, changed.visitId(), visit.map(Visits.Visit::start).orElse(null),
                    visit.map(Visits.Visit::timeZone).orElse(null), visit.map(Visits.Visit::nurseName).orElse(null),
                    null, null, null));
            case COMPLETED -> {
                visits.setStatus(changed.visitId(), "COMPLETED");
                messages.cancel(changed.visitId(), VISIT_PENDING, "VISIT_COMPLETED");
                recorder.record(new Messages.NewMessage(consultationId, changed.visitId(), NotificationType.AFTERCARE,
                        changed.visitId(), visit.map(Visits.Visit::start).orElse(null),
                        visit.map(Visits.Visit::timeZone).orElse(null), null, null, null, null));
            }
            case NO_SHOW -> {
                visits.setStatus(changed.visitId(), "NO_SHOW");
                messages.cancel(changed.visitId(), VISIT_PENDING, "VISIT_NO_SHOW");
            }
            default -> {
                // ARRIVED, INFUSION_*: nothing to tell the patient
            }
        }
    }

    /** A hold's cancellations send nothing (the crisis message says visits are paused), nor a whole cancel's. */
    void visitCancelled(VisitCancelled cancelled) {
        UUID consultationId = cancelled.consultationId();
        if (cancelled.visitId() == null) {
            throw new EventRejectedException("visit.cancelled lacks visitId");
        }
        Optional<Visits.Visit> visit = visits.find(cancelled.visitId());
        visits.mark(cancelled.visitId(), consultationId, cancelled.sequence(), "CANCELLED");
        messages.cancel(cancelled.visitId(), VISIT_OFF, "VISIT_CANCELLED");
        if (cancelled.reason() == VisitCancelReason.CONSULTATION_CANCELLED
                || cancelled.reason() == VisitCancelReason.SAFETY_HOLD) {
            return;
        }
        recorder.record(new Messages.NewMessage(consultationId, cancelled.visitId(), NotificationType.VISIT_CANCELLED,
                cancelled.visitId(), visit.map(Visits.Visit::start).orElse(null),
                visit.map(Visits.Visit::timeZone).orElse(null), null, null,
                cancelled.reason() == VisitCancelReason.PATIENT_REQUEST ? cancelled.cancelledAt() : null, null));
    }

    /** The consultation ends: none of its visits is reminded of any more. */
    void allOff(UUID consultationId) {
        for (Visits.Visit visit : visits.ofConsultation(consultationId)) {
            UUID visitId = UUID.fromString(visit.visitId());
            visits.setStatus(visitId, "CANCELLED");
            messages.cancel(visitId, VISIT_OFF, "VISIT_CANCELLED");
        }
    }
}
