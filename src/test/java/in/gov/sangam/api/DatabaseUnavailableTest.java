package in.gov.sangam.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database being out of reach (answered 503), and which are not. */
class DatabaseUnavailableTest {

    @Test
    void noConnectionToBeHadIsTheDatabaseUnavailable() {
        SQLTransientConnectionException timedOut = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5000ms");
        assertThat(DatabaseUnavailable.caused(new CannotGetJdbcConnectionException("no connection", timedOut)))
                .isTrue();
        assertThat(DatabaseUnavailable.caused(new CannotCreateTransactionException("no connection", timedOut)))
                .isTrue();
    }

    @Test
    void aConnectionLostOrAServerShuttingDownIsTheDatabaseUnavailable() {
        assertThat(DatabaseUnavailable.caused(new IllegalStateException("wrapped",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseUnavailable.caused(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
    }

    @Test
    void aCommitOrRollbackTheDatabaseCouldNotCarryOutIsTheDatabaseUnavailable() {
        // After a commit failed on a connection the server dropped, the rollback fails too, on Hikari's closed
        // connection: an SQLException without SQLSTATE, which only the transaction manager's exception wraps.
        assertThat(DatabaseUnavailable.caused(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isTrue();
        TransactionSystemException hidingTheFirst = new TransactionSystemException("rollback failed");
        hidingTheFirst.initApplicationException(new DataAccessResourceFailureException("terminating connection"));
        assertThat(DatabaseUnavailable.caused(hidingTheFirst)).isTrue();
    }

    @Test
    void aFailureOfTheRequestItselfIsNot() {
        assertThat(DatabaseUnavailable.caused(new DuplicateKeyException("duplicate key"))).isFalse();
        assertThat(DatabaseUnavailable.caused(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.caused(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnavailable.caused(new TransactionSystemException("no transaction to commit"))).isFalse();
    }
}
