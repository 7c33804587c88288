package br.prontuario.edge.common.audit;

import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.common.web.CorrelationId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Appends audit rows for the current caller. Inside a transaction (every mutation) the row joins
 * it, so it commits or rolls back with the change it describes; outside one (reads) rows are
 * group-committed with other readers' rows.
 */
@Component
public class AuditLog {

  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final ObjectMapper json;
  private final Clock clock;
  private final AuditGroupCommit groupCommit;

  AuditLog(DataSource dataSource, TransactionTemplate transactions, ObjectMapper json,
      Clock clock, AuditGroupCommit groupCommit) {
    this.groupCommit = groupCommit;
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.json = json;
    this.clock = clock;
  }

  /** Records an action of the authenticated caller; before/after are hashed, never stored. */
  public void record(String action, UUID patientId, String resourceId, Object before,
      Object after) {
    ClinicalPrincipal principal = ClinicalPrincipal.require();
    recordAs(principal.username(), principal.auditRole(), action, patientId, resourceId, before,
        after);
  }

  public void recordAs(String actor, String role, String action, UUID patientId,
      String resourceId, Object before, Object after) {
    AuditEvent event = new AuditEvent(actor, role, action, patientId, resourceId,
        CorrelationId.current(), hash(before), hash(after));
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      groupCommit.append(event); // a read: batched with other readers' rows
      return;
    }
    transactions.executeWithoutResult(status -> {
      Connection connection = DataSourceUtils.getConnection(dataSource);
      try {
        AuditChain.append(connection, event, clock);
      } catch (SQLException e) {
        throw new IllegalStateException("audit append failed", e);
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    });
  }

  public AuditChainVerifier.Result verify() {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      return new AuditChainVerifier().verify(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("audit verification failed to read", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private String hash(Object value) {
    return value == null ? null : AuditHashing.sha256(json.writeValueAsBytes(value));
  }
}
