package com.housecall.security.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The fault suite's database cut: requests that could not reach the database answered 500, which a client must not
 * retry, though they changed nothing. They answer 503 with Retry-After.
 */
class DatabaseUnavailableAdviceTest {

    @RestController
    static class Failing {

        @GetMapping("/pool-timeout")
        String poolTimeout() {
            throw new IllegalStateException("no transaction", new SQLTransientConnectionException("pool timeout"));
        }

        @GetMapping("/terminated")
        String terminated() {
            throw new IllegalStateException("commit failed",
                    new SQLException("terminating connection due to administrator command", "57P01"));
        }

        /** The database cut: the commit lost its connection, then the rollback failed on it too. */
        @GetMapping("/rollback-failed")
        String rollbackFailed() {
            throw new TransactionSystemException("Could not roll back JDBC transaction",
                    new SQLException("This connection has been closed."));
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalStateException("a defect, not an outage");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiProblemAdvice()).build();

    @Test
    void noConnectionInTimeIsServiceUnavailableWithRetryAfter() throws Exception {
        MvcResult result = mvc.perform(get("/pool-timeout")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(503);
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("5");
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result.getResponse().getContentAsString()).contains(DatabaseUnavailable.DETAIL)
                .doesNotContain("pool timeout");
    }

    @Test
    void aSessionTheServerEndedIsServiceUnavailableToo() throws Exception {
        assertThat(mvc.perform(get("/terminated")).andReturn().getResponse().getStatus()).isEqualTo(503);
    }

    @Test
    void aRollbackThatFailedAfterTheConnectionWasLostIsServiceUnavailable() throws Exception {
        assertThat(mvc.perform(get("/rollback-failed")).andReturn().getResponse().getStatus()).isEqualTo(503);
    }

    @Test
    void anyOtherFailureIsLeftToSpringBootsErrorHandling() {
        assertThatThrownBy(() -> mvc.perform(get("/bug"))).hasRootCauseMessage("a defect, not an outage");
    }
}
