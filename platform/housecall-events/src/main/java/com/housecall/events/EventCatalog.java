package com.housecall.events;

import com.housecall.events.booking.BookingCompleted;
import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.BookingUnfulfilled;
import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.ConsultationRequested;
import com.housecall.events.booking.ContactUpdated;
import com.housecall.events.booking.IntakeSubmitted;
import com.housecall.events.booking.LocationUpdated;
import com.housecall.events.booking.PersonalDataErased;
import com.housecall.events.booking.Phq9Answers;
import com.housecall.events.booking.Phq9Submitted;
import com.housecall.events.booking.VisitCancelled;
import com.housecall.events.booking.VisitLocation;
import com.housecall.events.booking.VisitRequested;
import com.housecall.events.dispatch.VisitDeclined;
import com.housecall.events.dispatch.VisitEscalated;
import com.housecall.events.dispatch.VisitEscalationAcknowledged;
import com.housecall.events.dispatch.VisitRescheduleFailed;
import com.housecall.events.dispatch.VisitScheduled;
import com.housecall.events.dispatch.VisitStatusChanged;
import com.housecall.events.dispatch.VisitUnschedulable;
import com.housecall.events.notification.NotificationFailed;
import com.housecall.events.notification.NotificationSent;
import com.housecall.events.notification.NotificationSuppressed;
import com.housecall.events.phi.DataKeyIssued;
import com.housecall.events.phi.DataKeyShredded;
import com.housecall.events.screening.SafetyAcknowledged;
import com.housecall.events.screening.SafetyAlert;
import com.housecall.events.screening.SafetyWithdrawn;
import com.housecall.events.screening.ScreeningCompleted;
import com.housecall.events.screening.ScreeningDecided;
import com.housecall.events.screening.ScreeningStarted;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type with its topic and payload record; its JSON Schema is {@code schemas/<short type>.json}. */
public final class EventCatalog {

    public record Entry(String type, String topic, Class<? extends ConsultationEvent> payload) {
        public String schemaResource() {
            return "schemas/" + EventTypes.shortName(type) + ".json";
        }
    }

    public static final List<Entry> ALL = List.of(
            new Entry(EventTypes.CONSULTATION_REQUESTED, Topics.BOOKING_EVENTS, ConsultationRequested.class),
            new Entry(EventTypes.VISIT_REQUESTED, Topics.BOOKING_EVENTS, VisitRequested.class),
            new Entry(EventTypes.BOOKING_CONFIRMED, Topics.BOOKING_EVENTS, BookingConfirmed.class),
            new Entry(EventTypes.INTAKE_SUBMITTED, Topics.BOOKING_INTAKE, IntakeSubmitted.class),
            new Entry(EventTypes.CONTACT_UPDATED, Topics.BOOKING_CONTACTS, ContactUpdated.class),
            new Entry(EventTypes.LOCATION_UPDATED, Topics.BOOKING_LOCATIONS, LocationUpdated.class),
            new Entry(EventTypes.VISIT_LOCATION, Topics.BOOKING_LOCATIONS, VisitLocation.class),
            new Entry(EventTypes.BOOKING_UNFULFILLED, Topics.BOOKING_EVENTS, BookingUnfulfilled.class),
            new Entry(EventTypes.BOOKING_COMPLETED, Topics.BOOKING_EVENTS, BookingCompleted.class),
            new Entry(EventTypes.CONSULTATION_CANCELLED, Topics.BOOKING_EVENTS, ConsultationCancelled.class),
            new Entry(EventTypes.VISIT_CANCELLED, Topics.BOOKING_EVENTS, VisitCancelled.class),
            new Entry(EventTypes.PHQ9_SUBMITTED, Topics.BOOKING_EVENTS, Phq9Submitted.class),
            new Entry(EventTypes.CONSULTATION_HELD, Topics.BOOKING_EVENTS, ConsultationHeld.class),
            new Entry(EventTypes.PHQ9_ANSWERS, Topics.BOOKING_INTAKE, Phq9Answers.class),
            new Entry(EventTypes.PERSONAL_DATA_ERASED, Topics.BOOKING_EVENTS, PersonalDataErased.class),
            new Entry(EventTypes.DATA_KEY_ISSUED, Topics.BOOKING_KEYS, DataKeyIssued.class),
            new Entry(EventTypes.DATA_KEY_SHREDDED, Topics.BOOKING_KEYS, DataKeyShredded.class),
            new Entry(EventTypes.SCREENING_STARTED, Topics.SCREENING_EVENTS, ScreeningStarted.class),
            new Entry(EventTypes.SCREENING_COMPLETED, Topics.SCREENING_EVENTS, ScreeningCompleted.class),
            new Entry(EventTypes.SCREENING_DECIDED, Topics.SCREENING_EVENTS, ScreeningDecided.class),
            new Entry(EventTypes.SAFETY_ALERT, Topics.SCREENING_EVENTS, SafetyAlert.class),
            new Entry(EventTypes.SAFETY_ACKNOWLEDGED, Topics.SCREENING_EVENTS, SafetyAcknowledged.class),
            new Entry(EventTypes.SAFETY_WITHDRAWN, Topics.SCREENING_EVENTS, SafetyWithdrawn.class),
            new Entry(EventTypes.VISIT_SCHEDULED, Topics.DISPATCH_EVENTS, VisitScheduled.class),
            new Entry(EventTypes.VISIT_UNSCHEDULABLE, Topics.DISPATCH_EVENTS, VisitUnschedulable.class),
            new Entry(EventTypes.VISIT_STATUS_CHANGED, Topics.DISPATCH_EVENTS, VisitStatusChanged.class),
            new Entry(EventTypes.VISIT_DECLINED, Topics.DISPATCH_EVENTS, VisitDeclined.class),
            new Entry(EventTypes.VISIT_RESCHEDULE_FAILED, Topics.DISPATCH_EVENTS, VisitRescheduleFailed.class),
            new Entry(EventTypes.VISIT_ESCALATED, Topics.DISPATCH_EVENTS, VisitEscalated.class),
            new Entry(EventTypes.VISIT_ESCALATION_ACKNOWLEDGED, Topics.DISPATCH_EVENTS,
                    VisitEscalationAcknowledged.class),
            new Entry(EventTypes.NOTIFICATION_SENT, Topics.NOTIFICATION_EVENTS, NotificationSent.class),
            new Entry(EventTypes.NOTIFICATION_FAILED, Topics.NOTIFICATION_EVENTS, NotificationFailed.class),
            new Entry(EventTypes.NOTIFICATION_SUPPRESSED, Topics.NOTIFICATION_EVENTS, NotificationSuppressed.class));

    private static final Map<String, Entry> BY_TYPE = ALL.stream().collect(Collectors.toMap(Entry::type, Function.identity()));
    private static final Map<Class<?>, Entry> BY_PAYLOAD = ALL.stream().collect(Collectors.toMap(Entry::payload, Function.identity()));

    private EventCatalog() {
    }

    public static Optional<Entry> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The catalogue entry of a payload record; an unknown record is a programming error. */
    public static Entry of(ConsultationEvent payload) {
        return of(payload.getClass());
    }

    /** The catalogue entry of a payload record type; an unknown record is a programming error. */
    public static Entry of(Class<? extends ConsultationEvent> payload) {
        Entry entry = BY_PAYLOAD.get(payload);
        if (entry == null) {
            throw new IllegalArgumentException("No event type for payload " + payload.getSimpleName());
        }
        return entry;
    }
}
