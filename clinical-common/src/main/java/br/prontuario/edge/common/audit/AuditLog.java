package br.prontuario.edge.common.audit;

import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.common.web.AfterTransaction;
import br.prontuario.edge.common.web.CorrelationId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronization;
import tools.jackson.databind.ObjectMapper;

/**
 * Appends audit rows for the current caller. Inside a transaction (every mutation) the event is
 * a pending row that commits or rolls back with the change it describes, chained right after
 * the commit by the node's one {@link AuditAppender}; the writer waits for that round, after its
 * pooled connection is back when the write is a request's transaction. Outside one (reads) the
 * event is chained in the appender's next round with other readers' events.
 */
@Component
public class AuditLog {

  private final DataSource dataSource;
  private final ObjectMapper json;
  private final Clock clock;
  private final AuditAppender appender;

  AuditLog(DataSource dataSource, ObjectMapper json, Clock clock, AuditAppender appender) {
    this.dataSource = dataSource;
    this.json = json;
    this.clock = clock;
    this.appender = appender;
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
    Instant at = clock.instant();
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      appender.appendRead(event, at); // a read: batched with other readers' rows
      return;
    }
    long pendingId;
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      pendingId = AuditPending.insert(connection, event, at); // commits or rolls back with the write
    } catch (SQLException e) {
      throw new IllegalStateException("audit append failed", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          // here the write's connection is still out of the pool; a request transaction waits
          // once it is back, so writers waiting for a round do not hold pooled connections
          if (!AfterTransaction.defer(() -> appender.awaitChained(pendingId))) {
            appender.awaitChained(pendingId);
          }
        }
      });
    }
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
