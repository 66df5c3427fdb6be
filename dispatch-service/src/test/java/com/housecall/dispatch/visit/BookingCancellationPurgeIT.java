package com.housecall.dispatch.visit;

import static org.assertj.core.api.Assertions.assertThat;

import com.housecall.dispatch.DispatchIntegration;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Remembered cancellations are forgotten after the inbox retention (30 days), and not a moment before. */
class BookingCancellationPurgeIT extends DispatchIntegration {

    @Autowired
    BookingCancellationPurge purge;
    @Autowired
    Visits visits;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCancellationIsKeptWhileItsRequestCanStillArriveAndForgottenAfter() {
        Instant now = CLOCK.instant();
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        visits.rememberCancelled(old, now.minus(Duration.ofDays(30)).minusSeconds(1));
        visits.rememberCancelled(recent, now.minus(Duration.ofDays(30)).plusSeconds(60));

        purge.runBatch();

        assertThat(visits.cancelledByBooking(old, UUID.randomUUID())).as("older than the retention").isFalse();
        assertThat(visits.cancelledByBooking(recent, UUID.randomUUID())).as("within the retention").isTrue();
    }
}
