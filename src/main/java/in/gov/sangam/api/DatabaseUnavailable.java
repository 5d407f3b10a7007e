package in.gov.sangam.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a request that failed because the database could not be reached (stopped, restarting, crashed, no connection
 * to be had in time) from one that failed for a reason of its own: the first is the hub's outage, answered 503 so
 * that callers try again, and is no bug to be logged whole.
 */
final class DatabaseUnavailable {

    /** SQLSTATE classes of a lost or refused connection (08) and of a server shutting down or starting (57P). */
    private static final String[] CONNECTION_STATES = {"08", "57P"};

    private DatabaseUnavailable() {
    }

    static boolean caused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // A commit or rollback the database could not carry out, with an error the translator could not
            // classify (Hikari's "Connection is closed" has no SQLSTATE): whether a commit took is unknown, so the
            // caller tries again, with the same Idempotency-Key. Such a failure also hides what failed first.
            if (cause instanceof TransactionSystemException failed && (failed.getCause() instanceof SQLException
                    || failed.getApplicationException() != null && caused(failed.getApplicationException()))) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                for (String state : CONNECTION_STATES) {
                    if (sql.getSQLState().startsWith(state)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
