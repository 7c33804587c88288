package br.prontuario.edge.common.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Appends rows to the hash chain with plain JDBC. Must run inside a transaction: the advisory lock
 * serialises appenders until commit, so sequence numbers have no gaps and each row sees the last
 * committed hash.
 */
public final class AuditChain {

  private static final long LOCK_KEY = 0x4155444954L; // "AUDIT"

  private AuditChain() {}

  /** Appends the event and returns its sequence number. */
  public static long append(Connection connection, AuditEvent event, Clock clock)
      throws SQLException {
    return appendAll(connection, List.of(event), clock);
  }

  /** Appends the events in order, in one round of the lock; returns the last sequence number. */
  public static long appendAll(Connection connection, List<AuditEvent> events, Clock clock)
      throws SQLException {
    if (connection.getAutoCommit()) {
      throw new IllegalStateException("audit append needs a transaction");
    }
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, LOCK_KEY);
      lock.execute();
    }
    long seq = 0;
    String prevHash = AuditHashing.GENESIS;
    try (PreparedStatement last = connection.prepareStatement(
        "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        ResultSet row = last.executeQuery()) {
      if (row.next()) {
        seq = row.getLong(1);
        prevHash = row.getString(2);
      }
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO audit_log (seq, occurred_at, actor, role, action, patient_id, resource_id,"
            + " correlation_id, before_hash, after_hash, prev_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditEvent event : events) {
        seq++;
        String hash = AuditHashing.rowHash(seq, now, event, prevHash);
        bind(insert, seq, now, event, prevHash, hash);
        insert.addBatch();
        prevHash = hash;
      }
      insert.executeBatch();
    }
    return seq;
  }

  private static void bind(PreparedStatement insert, long seq, Instant now, AuditEvent event,
      String prevHash, String hash) throws SQLException {
    insert.setLong(1, seq);
    insert.setObject(2, now.atOffset(ZoneOffset.UTC));
    insert.setString(3, event.actor());
    insert.setString(4, event.role());
    insert.setString(5, event.action());
    if (event.patientId() == null) {
      insert.setNull(6, Types.OTHER);
    } else {
      insert.setObject(6, event.patientId());
    }
    insert.setString(7, event.resourceId());
    insert.setString(8, event.correlationId());
    insert.setString(9, event.beforeHash());
    insert.setString(10, event.afterHash());
    insert.setString(11, prevHash);
    insert.setString(12, hash);
  }
}
