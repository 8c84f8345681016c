package org.caserecord.api.config;

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
 * Whether a failure means the database could not be reached (refused, restarting, out of
 * connections), rather than that a statement was wrong for this data. Axon's own wrappers say
 * nothing useful here (its EventStoreException is "non-transient" even for a lost connection),
 * so the cause chain is read instead.
 */
public final class DatabaseUnavailable {

    /** Connection classes (08), shutdown and crash (57P01-03), too many connections, transaction timeout. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "25P04");

    private DatabaseUnavailable() {
    }

    public static boolean matches(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            // A rollback on a dead connection replaces the failure it was rolling back.
            if (t instanceof TransactionSystemException tse
                    && (tse.getCause() instanceof SQLException
                        || tse.getApplicationException() != null && matches(tse.getApplicationException()))) {
                return true;
            }
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException // incl. CannotGetJdbcConnectionException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException   // the pool timed out
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
