package br.prontuario.edge.common.durability;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * A commit that ended with a warning is not a confirmed commit. Under synchronous replication
 * PostgreSQL waits for the standby before answering COMMIT; when that wait is cancelled (a
 * cancel request, a terminating backend) it answers success with only a WARNING ("canceling wait
 * for synchronous replication … the transaction has already committed locally, but might not have
 * been replicated to the standby"). Taken as success, the clinician would get a 201 for a note a
 * failover can lose. Such a commit fails here as a transient error: the request is held and run
 * again, and its Idempotency-Key then finds the locally committed write and replays it only once
 * the standby has it ({@code IdempotencyStore.awaitReplicated}). Any other warning on COMMIT is
 * treated alike: the outcome was not what a plain success says.
 */
public class StandbyConfirmedTransactionManager extends JdbcTransactionManager {

  public StandbyConfirmedTransactionManager(DataSource dataSource) {
    super(dataSource);
  }

  @Override
  protected void doCommit(DefaultTransactionStatus status) {
    Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction())
        .getConnectionHolder().getConnection();
    clearWarnings(connection);
    super.doCommit(status);
    SQLWarning warning = warnings(connection);
    if (warning != null) {
      throw new TransactionSystemException("the commit was not confirmed by the synchronous"
          + " standby (" + warning.getMessage() + ")", warning);
    }
  }

  private static void clearWarnings(Connection connection) {
    try {
      connection.clearWarnings();
    } catch (SQLException e) {
      throw new TransactionSystemException("cannot read the connection's warnings", e);
    }
  }

  private static SQLWarning warnings(Connection connection) {
    try {
      return connection.getWarnings();
    } catch (SQLException e) {
      throw new TransactionSystemException("cannot read the commit's warnings", e);
    }
  }
}
