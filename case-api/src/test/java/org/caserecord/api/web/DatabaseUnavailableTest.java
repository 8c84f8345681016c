package org.caserecord.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** The shapes in which an unreachable database reaches the web layer (see ApiExceptionHandler). */
class DatabaseUnavailableTest {

    @Test
    void aCommandWhoseConnectionWasKilledMidTransactionIsUnavailable() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new EventStoreException("Failed to read events for aggregate [a]",
                new SQLException("terminating connection due to administrator command", "57P01")));

        assertThat(DatabaseUnavailable.matches(rollbackFailed)).isTrue();
    }

    @Test
    void noConnectionFromThePoolIsUnavailable() {
        assertThat(DatabaseUnavailable.matches(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("request timed out after 3000ms")))).isTrue();
        assertThat(DatabaseUnavailable.matches(new EventStoreException("Failed to obtain a database connection",
                new SQLException("Connection refused", "08001", new ConnectException())))).isTrue();
    }

    @Test
    void failuresOfTheRequestItselfAreNot() {
        assertThat(DatabaseUnavailable.matches(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.matches(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.matches(new EventStoreException("could not be persisted",
                new SQLException("value too long", "22001")))).isFalse();
    }
}
