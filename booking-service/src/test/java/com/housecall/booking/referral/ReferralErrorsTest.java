package com.housecall.booking.referral;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.housecall.security.problem.ServiceBusy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * A referral that found the database out of reach, or the service too busy, is a transient outcome the clinic retries,
 * not a 500.
 */
class ReferralErrorsTest {

    private final ReferralErrors errors = new ReferralErrors(new OperationOutcomes(FhirContext.forR4Cached()));

    @Test
    void theDatabaseOutOfReachIsATransient503WithRetryAfter() {
        ResponseEntity<byte[]> answer = errors.other(new IllegalStateException("could not open a transaction",
                new SQLTransientConnectionException("pool timeout")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        String body = new String(answer.getBody(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"code\":\"transient\"").doesNotContain("pool timeout");
    }

    @Test
    void aServiceBusyWithAsManyReferralsAsItMayTakeIsATransient503WithRetryAfter() {
        ResponseEntity<byte[]> answer = errors.other(new ServiceBusy());

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(new String(answer.getBody(), StandardCharsets.UTF_8)).contains("\"code\":\"transient\"")
                .contains(ServiceBusy.DETAIL);
    }

    @Test
    void anythingElseStaysAnError500() {
        assertThat(errors.other(new IllegalStateException("a defect")).getStatusCode().value()).isEqualTo(500);
    }
}
