package br.prontuario.edge.common.problem;

import java.io.EOFException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises the errors a PostgreSQL failover produces (connection lost, server shutting down,
 * a pooled connection that now points at a demoted standby, a serialisation retry). They are
 * retryable — 503 with Retry-After, never a 500 — and the Idempotency-Key makes the retry safe
 * even when the commit's outcome was unknown.
 */
public final class DatabaseOutage {

  // 08: connection exception; 57P0x: admin/crash shutdown, cannot connect now; 53: insufficient
  // resources; 25006: read-only transaction (the node was demoted); 40001/40P01: retry
  private static final Set<String> TRANSIENT_STATES = Set.of("25006", "40001", "40P01");

  /**
   * Request attribute set when the 503 was answered inside the handler (the controller advice),
   * so a held transaction can tell that 503 from any other and retry it.
   */
  public static final String ANSWERED = DatabaseOutage.class.getName() + ".answered";

  private DatabaseOutage() {}

  public static boolean isTransient(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof TransientDataAccessException
          || cause instanceof RecoverableDataAccessException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException
          || cause instanceof SocketException
          || cause instanceof SocketTimeoutException
          || cause instanceof EOFException) {
        return true;
      }
      if (cause instanceof SQLException sql && isTransientState(sql.getSQLState())) {
        return true;
      }
      // commit or rollback failed on the connection itself (closed, reset): whatever the request
      // did, the database went away under it; the Idempotency-Key makes the retry safe
      if (cause instanceof TransactionSystemException tx && (tx.getCause() instanceof SQLException
          || tx.getApplicationException() != null && isTransient(tx.getApplicationException()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTransientState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P")
        || state.startsWith("53") || TRANSIENT_STATES.contains(state));
  }
}
