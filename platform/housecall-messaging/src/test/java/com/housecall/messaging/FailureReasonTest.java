package com.housecall.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessageHandlingException;

/** What operators read in logs and {@code x-exception-message}: never a payload value or a class name. */
class FailureReasonTest {

    @Test
    void aSafeMessageIsShownAsItIs() {
        assertThat(FailureReason.of(new EventRejectedException("missing header ce_id"))).isEqualTo("missing header ce_id");
    }

    @Test
    void aSafeMessageIsFoundUnderTheFrameworkWrappers() {
        Exception wrapped = new ListenerExecutionFailedException("Listener failed for record value {\"name\":\"Ada\"}",
                new MessageHandlingException(null, "handler failed",
                        new EventRejectedException("payload of com.housecall.x is not readable")));

        assertThat(FailureReason.of(wrapped)).isEqualTo("payload of com.housecall.x is not readable");
    }

    @Test
    void anyOtherMessageIsReplacedByItsCategory() {
        assertThat(FailureReason.of(new RuntimeException("patient Ada Lovelace failed"))).isEqualTo("processing failed");
        assertThat(FailureReason.of(new IllegalStateException("wrapper", new RuntimeException("Ada Lovelace"))))
                .isEqualTo("processing failed");
        assertThat(FailureReason.of(new DataIntegrityViolationException("duplicate key (email)=(ada@example.com)")))
                .isEqualTo("database error");
        assertThat(FailureReason.of(new RuntimeException("wrapper",
                new TimeoutException("Expiring 1 record(s) for booking.events.v1-0")))).isEqualTo("broker error");
    }

    @Test
    void aSafeExceptionWithoutAMessageFallsBackToItsCategory() {
        assertThat(FailureReason.of(new EventRejectedException(null))).isEqualTo("processing failed");
    }

    @Test
    void aFailureWithoutAnyMessageStillHasAReason() {
        assertThat(FailureReason.of(new NullPointerException())).isEqualTo("processing failed");
        assertThat(FailureReason.of(null)).isEqualTo("processing failed");
    }

    @Test
    void theEngineersLogGetsTheExceptionTypesButNoMessage() {
        String types = FailureReason.types(new IllegalStateException("patient Ada",
                new RuntimeException("Lovelace failed")));

        assertThat(types).isEqualTo("IllegalStateException < RuntimeException")
                .doesNotContain("Ada").doesNotContain("Lovelace").doesNotContain("java.");
    }
}
