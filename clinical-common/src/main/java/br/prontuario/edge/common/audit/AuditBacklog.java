package br.prontuario.edge.common.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Writes' audit events committed but not yet chained (audit_pending): normally none, or a few
 * for milliseconds; a growing or ageing backlog means no appender is chaining.
 */
public record AuditBacklog(long events, double oldestSeconds) {

  /** A schema from before V112 (an old backup being restored) has no backlog to report. */
  public static AuditBacklog read(Connection connection) throws SQLException {
    try (PreparedStatement exists = connection.prepareStatement(
        "SELECT to_regclass('audit_pending') IS NOT NULL");
        ResultSet rs = exists.executeQuery()) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return new AuditBacklog(0, 0);
      }
    }
    try (PreparedStatement query = connection.prepareStatement("SELECT count(*),"
        + " coalesce(extract(epoch FROM now() - min(occurred_at)), 0) FROM audit_pending");
        ResultSet rs = query.executeQuery()) {
      rs.next();
      return new AuditBacklog(rs.getLong(1), Math.max(0, rs.getDouble(2)));
    }
  }
}
