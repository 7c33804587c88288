package br.prontuario.edge.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTest {

  @Test
  void aLostConnectionWrappedInAnAuditErrorIsTransient() {
    PSQLException lost = new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE);

    assertThat(DatabaseOutage.isTransient(new IllegalStateException("audit append failed", lost)))
        .isTrue();
  }

  @Test
  void aWriteOnADemotedNodeIsTransient() {
    SQLException readOnly = new SQLException("cannot execute INSERT in a read-only transaction",
        "25006");

    assertThat(DatabaseOutage.isTransient(new UncategorizedSQLException("insert", "sql", readOnly)))
        .isTrue();
  }

  @Test
  void aServerShuttingDownOrAHungSocketIsTransient() {
    assertThat(DatabaseOutage.isTransient(new SQLException("terminating connection", "57P01")))
        .isTrue();
    assertThat(DatabaseOutage.isTransient(new RuntimeException(new SocketTimeoutException())))
        .isTrue();
  }

  @Test
  void constraintViolationsAndBugsAreNot() {
    assertThat(DatabaseOutage.isTransient(new DataIntegrityViolationException("dup",
        new SQLException("duplicate key", "23505")))).isFalse();
    assertThat(DatabaseOutage.isTransient(new NullPointerException())).isFalse();
  }

  @Test
  void aRollbackThatFailsAfterTheConnectionWasLostIsAnOutage() {
    // seen in EdgeClusterIT while node-a was killed: the insert lost its connection, then the
    // rollback found it closed; that surfaced as a 500
    TransactionSystemException rollbackFailed =
        new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
    rollbackFailed.initApplicationException(new DataAccessResourceFailureException(
        "insert idempotency key", new SQLException("An I/O error occurred", "08006")));

    assertThat(DatabaseOutage.isTransient(rollbackFailed)).isTrue();
    // seen again with an application failure that was not itself a database error
    assertThat(DatabaseOutage.isTransient(new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed")))).isTrue();
    assertThat(DatabaseOutage.isTransient(new TransactionSystemException("no transaction",
        new IllegalStateException("not active")))).isFalse();
  }
}
