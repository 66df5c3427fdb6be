package com.housecall.screening.cases;

import com.housecall.events.ConsultationEvent;
import com.housecall.events.booking.BookingCompleted;
import com.housecall.events.booking.BookingConfirmed;
import com.housecall.events.booking.BookingUnfulfilled;
import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.events.booking.ConsultationHeld;
import com.housecall.events.booking.PersonalDataErased;
import com.housecall.messaging.EventHandlers;
import com.housecall.screening.review.DecisionNotes;
import com.housecall.screening.safety.SafetyAlerts;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * booking.events.v1 as screening reads it: the consultation's status for the review queue (a read model, never
 * decided here), and {@code consultation.cancelled}, which withdraws the case and the safety alert (DECISIONS 16).
 */
@Service
public class BookingEventHandler {

    private static final Logger log = LoggerFactory.getLogger(BookingEventHandler.class);

    private final Withdrawals withdrawals;
    private final SafetyAlerts alerts;
    private final DecisionNotes notes;
    private final Clock clock;

    BookingEventHandler(Withdrawals withdrawals, SafetyAlerts alerts, DecisionNotes notes, Clock clock) {
        this.withdrawals = withdrawals;
        this.alerts = alerts;
        this.notes = notes;
        this.clock = clock;
    }

    /**
     * The booking events screening acts on, each with the status it announces; handled in the inbox's transaction,
     * holding the consultation's turn (an intake may be handled at the same time).
     */
    public EventHandlers handlers(EventHandlers in) {
        return in.on(ConsultationHeld.class, held -> heard(held, "SAFETY_HOLD"))
                .on(BookingConfirmed.class, confirmed -> heard(confirmed, "CONFIRMED"))
                .on(BookingUnfulfilled.class, unfulfilled -> heard(unfulfilled, "UNFULFILLED"))
                .on(BookingCompleted.class, completed -> heard(completed, "COMPLETED"))
                .on(ConsultationCancelled.class, cancelled -> cancelled(cancelled.consultationId()))
                .on(PersonalDataErased.class, erased -> notes.erase(erased.consultationId()));
    }

    private void heard(ConsultationEvent event, String status) {
        withdrawals.heard(event.consultationId(), status);
    }

    private void cancelled(UUID id) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        withdrawals.tombstone(id, now);
        withdrawals.heard(id, "CANCELLED");
        withdrawals.caseStatusForUpdate(id).ifPresent(status -> {
            CaseStatus next = status.withdrawn();
            if (next != status) {
                withdrawals.caseStatus(id, next);
                log.info("Screening case of consultation {} withdrawn: the consultation was cancelled", id);
            }
        });
        alerts.withdraw(id, now);
    }
}
