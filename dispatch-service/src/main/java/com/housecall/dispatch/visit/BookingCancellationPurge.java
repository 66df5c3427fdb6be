package com.housecall.dispatch.visit;

import com.housecall.messaging.MessagingProperties;
import com.housecall.messaging.RetentionPurge;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Forgets remembered cancellations ({@code booking_cancellation}) once their request can no longer arrive. */
@Component
class BookingCancellationPurge extends RetentionPurge {

    BookingCancellationPurge(JdbcClient jdbc, Clock clock, MessagingProperties properties) {
        super("booking-cancellation-purge", "booking_cancellation", "cancelled_id", "cancelled_at", jdbc, clock,
                properties);
    }
}
