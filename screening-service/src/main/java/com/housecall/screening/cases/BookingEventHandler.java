package com.housecall.screening.cases;

import com.housecall.events.EventTypes;
import com.housecall.events.booking.ConsultationCancelled;
import com.housecall.messaging.InboundEvent;
import com.housecall.screening.safety.SafetyAlerts;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * booking.events.v1 as screening reads it: the consultation's status for the review queue (a read model, never
 * decided here), and {@code consultation.cancelled}, which withdraws the case and the safety alert (DECISIONS 16).
 */
@Service
public class BookingEventHandler {

    private static final Logger log = LoggerFactory.getLogger(BookingEventHandler.class);

    /** The booking events screening acts on, with the status each announces. */
    static final Map<String, String> STATUSES = Map.of(
            EventTypes.CONSULTATION_HELD, "SAFETY_HOLD",
            EventTypes.BOOKING_CONFIRMED, "CONFIRMED",
            EventTypes.BOOKING_UNFULFILLED, "UNFULFILLED",
            EventTypes.BOOKING_COMPLETED, "COMPLETED",
            EventTypes.CONSULTATION_CANCELLED, "CANCELLED");

    private final Withdrawals withdrawals;
    private final SafetyAlerts alerts;
    private final Clock clock;

    BookingEventHandler(Withdrawals withdrawals, SafetyAlerts alerts, Clock clock) {
        this.withdrawals = withdrawals;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** Other types are skipped without an inbox row. */
    public boolean handles(String type) {
        return STATUSES.containsKey(type);
    }

    /** In the inbox's transaction, holding the consultation's turn (an intake may be handled at the same time). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onEvent(InboundEvent event) {
        if (EventTypes.CONSULTATION_CANCELLED.equals(event.type())) {
            cancelled(event.payload(ConsultationCancelled.class).consultationId());
        } else if (handles(event.type())) {
            withdrawals.heard(event.consultationId(), STATUSES.get(event.type()));
        }
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
