package br.prontuario.edge.common.audit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The audit_pending table: a write's events between its commit and the appender's next round. */
final class AuditPending {

  /** A pending row: its id and its event with the time it happened. */
  record Row(long id, AuditChain.Stamped stamped) {}

  private AuditPending() {}

  /** Inserts in the caller's transaction, without the chain's lock; returns the row's id. */
  static long insert(Connection connection, AuditEvent event, Instant at) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO audit_pending (occurred_at, actor, role, action, patient_id, resource_id,"
            + " correlation_id, before_hash, after_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " RETURNING id")) {
      AuditChain.bindTimeAndEvent(insert, 1, at, event);
      try (ResultSet id = insert.executeQuery()) {
        id.next();
        return id.getLong(1);
      }
    }
  }

  /** The oldest committed rows; the caller holds the chain's lock, so no other appender has them. */
  static List<Row> oldest(Connection connection, int max) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT id, occurred_at, actor, role, action, patient_id, resource_id, correlation_id,"
            + " before_hash, after_hash FROM audit_pending ORDER BY id LIMIT ?")) {
      query.setInt(1, max);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          AuditEvent event = new AuditEvent(rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getString(9),
              rs.getString(10));
          rows.add(new Row(rs.getLong(1), new AuditChain.Stamped(
              rs.getObject(2, OffsetDateTime.class).toInstant(), event)));
        }
      }
    }
    return rows;
  }

  static void delete(Connection connection, Collection<Long> ids) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(
        "DELETE FROM audit_pending WHERE id = ANY (?)")) {
      delete.setArray(1, array(connection, ids));
      delete.executeUpdate();
    }
  }

  /** Which of these ids are still waiting (another node's appender may have chained them). */
  static Set<Long> stillPending(Connection connection, Collection<Long> ids) throws SQLException {
    Set<Long> pending = new HashSet<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT id FROM audit_pending WHERE id = ANY (?)")) {
      query.setArray(1, array(connection, ids));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          pending.add(rs.getLong(1));
        }
      }
    }
    return pending;
  }

  static boolean any(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT EXISTS (SELECT 1 FROM audit_pending)");
        ResultSet rs = query.executeQuery()) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  private static Array array(Connection connection, Collection<Long> ids) throws SQLException {
    return connection.createArrayOf("bigint", ids.toArray());
  }
}
