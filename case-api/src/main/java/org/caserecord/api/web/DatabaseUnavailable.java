package org.caserecord.api.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached (stopped, restarting, connections
 * killed), as opposed to a fault of this request. Such failures are answered 503 with
 * Retry-After. The cause chain is searched because the failure arrives wrapped: by Axon
 * (EventStoreException, JdbcException), or as a {@link TransactionSystemException} when the
 * rollback on a dead connection failed and replaced the original exception.
 */
public final class DatabaseUnavailable {

    /** Connection exceptions (08…), administrator shutdown and crash (57P01-57P03), too many connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    public static boolean matches(Throwable exception) {
        int depth = 0;
        for (Throwable t = exception; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof TransactionSystemException system && system.getApplicationException() != null
                    && matches(system.getApplicationException())) {
                return true;
            }
            if (t instanceof TransactionSystemException && t.getCause() instanceof SQLException) {
                return true;
            }
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
