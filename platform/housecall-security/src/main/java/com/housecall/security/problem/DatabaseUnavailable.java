package com.housecall.security.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a request failed because the service's database could not be reached: no connection from the pool in
 * time, a connection refused or dropped, the server shutting sessions down. Such a request changed nothing and may
 * be sent again in a moment: 503 with {@code Retry-After}, never 500, which a client must not retry. Read from
 * Spring's resource-failure exceptions (a commit or rollback that failed on the dropped connection included: a retry
 * is safe, as the platform's writes are idempotent by key or identifier) and the {@code java.sql} causes.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before sending the request again. */
    public static final int RETRY_AFTER_SECONDS = 5;
    public static final String DETAIL =
            "The service cannot reach its database just now; send the request again shortly.";

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
                    || cause instanceof DataAccessResourceFailureException) {
                return true; // no connection to begin with, a commit or rollback that failed, a statement that lost it
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true; // connection exception; admin shutdown, crash shutdown, cannot connect now
            }
        }
        return false;
    }
}
