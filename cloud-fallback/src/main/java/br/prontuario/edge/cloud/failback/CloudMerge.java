package br.prontuario.edge.cloud.failback;

import br.prontuario.edge.cloud.replication.EdgeDatabase;
import br.prontuario.edge.common.audit.AuditChain;
import br.prontuario.edge.common.audit.AuditEvent;
import br.prontuario.edge.common.audit.AuditHashing;
import java.nio.charset.StandardCharsets;
import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.common.web.CorrelationId;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Copies every write made in the cloud since the fork into the edge, in one edge transaction:
 * notes and clinical entries with origin = cloud (same UUIDs), and the cloud's audit events,
 * appended to the edge's own chain as "merged-from-cloud:...". A ledger row per record makes a
 * second run merge nothing twice; each record's Idempotency-Key, carried to the edge, keeps a write
 * the client's retry already made on the edge from arriving twice.
 */
@Component
class CloudMerge {

  private final JdbcTemplate cloud;
  private final EdgeDatabase edgeDatabase;
  private final Clock clock;

  CloudMerge(JdbcTemplate cloud, EdgeDatabase edgeDatabase, Clock clock) {
    this.cloud = cloud;
    this.edgeDatabase = edgeDatabase;
    this.clock = clock;
  }

  MergeReport merge(String operator) {
    DataSource edgeSource = edgeDatabase.dataSource().orElseThrow(() -> new ApiProblem(
        HttpStatus.CONFLICT, "Edge not configured", "cloud.replication.edge-jdbc-url is not set."));
    try (Connection connection = edgeSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        MergeReport report = mergeIn(connection, operator);
        connection.commit();
        return report;
      } catch (RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Edge database unavailable",
          "Failback needs the edge primary; nothing was merged.");
    }
  }

  private MergeReport mergeIn(Connection connection, String operator) throws SQLException {
    JdbcTemplate edge = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    long forkSeq = ForkAudit.forkSeq(cloud, edge);
    UUID forkId = ForkAudit.forkId(cloud, forkSeq);
    MergeWriter writer = new MergeWriter(edge, forkId, new EdgeKeys(cloud, edge), clock);
    cloud.queryForList("SELECT id, root_id, version, replaces_id, patient_id, type, text, author,"
        + " author_role, recorded_at, idempotency_key FROM notes WHERE origin = 'cloud'"
        + " ORDER BY recorded_at, id").forEach(writer::note);
    cloud.queryForList("SELECT id, root_id, version, replaces_id, patient_id, kind,"
        + " data::text AS data, recorded_by, recorded_at, idempotency_key FROM clinical_entries"
        + " WHERE origin = 'cloud' ORDER BY recorded_at, version, id").forEach(writer::entry);
    int audits = 0;
    int skipped = 0;
    for (Map<String, Object> event : cloud.queryForList("SELECT seq, occurred_at, actor, role,"
        + " action, patient_id, resource_id, correlation_id, before_hash, after_hash FROM audit_log"
        + " WHERE seq > ? ORDER BY seq", forkSeq)) {
      if (writer.claim("audit:" + event.get("seq")) && writer.claim(eventKey(event))) {
        AuditChain.append(connection, mergedEvent(event), clock);
        audits++;
      } else {
        skipped++;
      }
    }
    // events whose writes committed in the cloud but that its appender had not chained when it
    // stopped (docs/adr/0006-audit-single-appender.md): the writes are merged, so are their events
    // (chained there later, the same event is not merged again: both paths claim its identity)
    for (Map<String, Object> event : cloud.queryForList("SELECT id, occurred_at, actor, role,"
        + " action, patient_id, resource_id, correlation_id, before_hash, after_hash"
        + " FROM audit_pending ORDER BY id")) {
      if (writer.claim(eventKey(event))) {
        AuditChain.append(connection, mergedEvent(event), clock);
        audits++;
      } else {
        skipped++;
      }
    }
    AuditChain.append(connection, new AuditEvent(operator, "it-ops", "failback.merge", null,
        forkId.toString(), CorrelationId.current(), null, null), clock);
    return writer.report(forkSeq, audits, skipped);
  }

  /**
   * One audit event's identity whether it is read pending or chained: the chain keeps a pending
   * row's time, actor, action, resource and correlation id.
   */
  private static String eventKey(Map<String, Object> event) {
    String identity = event.get("occurred_at") + "|" + event.get("actor") + "|"
        + event.get("action") + "|" + event.get("resource_id") + "|"
        + event.get("correlation_id");
    return "audit-event:" + AuditHashing.sha256(identity.getBytes(StandardCharsets.UTF_8));
  }

  private static AuditEvent mergedEvent(Map<String, Object> event) {
    return new AuditEvent((String) event.get("actor"), (String) event.get("role"),
        "merged-from-cloud:" + event.get("action"), (UUID) event.get("patient_id"),
        (String) event.get("resource_id"), (String) event.get("correlation_id"),
        (String) event.get("before_hash"), (String) event.get("after_hash"));
  }
}
