package br.prontuario.edge.common.audit;

import java.io.IOException;
import java.io.StringReader;
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
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Appends rows to the hash chain with plain JDBC. Must run inside a transaction: the advisory lock
 * serialises appenders until commit, so sequence numbers have no gaps and each row sees the last
 * committed hash. The API's writes do not call it in their own transaction (they would hold the
 * lock through their commit): their events go through {@link AuditPending} to the one
 * {@link AuditAppender}; the CLI and the failback merge, rare writers, append directly.
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
    Instant now = clock.instant();
    return appendStamped(connection, events.stream().map(e -> new Stamped(now, e)).toList());
  }

  /** An event and the time it happened (its pending row's time for a write's event). */
  public record Stamped(Instant at, AuditEvent event) {}

  /**
   * Appends many events with {@code COPY} instead of INSERTs, in one round of the lock: for
   * loading a benchmark's generated history (millions of rows), never for the API's writes.
   * Returns the last sequence number.
   */
  public static long copyAppend(Connection connection, List<Stamped> events) throws SQLException {
    Head head = lockedHead(connection);
    long seq = head.seq();
    String prevHash = head.hash();
    StringBuilder rows = new StringBuilder(events.size() * 320);
    for (Stamped stamped : events) {
      seq++;
      Instant at = stamped.at().truncatedTo(ChronoUnit.MICROS);
      AuditEvent e = stamped.event();
      String hash = AuditHashing.rowHash(seq, at, e, prevHash);
      rows.append(seq).append('\t').append(at.atOffset(ZoneOffset.UTC));
      for (Object field : new Object[] {e.actor(), e.role(), e.action(), e.patientId(),
          e.resourceId(), e.correlationId(), e.beforeHash(), e.afterHash(), prevHash, hash}) {
        rows.append('\t').append(field == null ? "\\N" : copyText(field.toString()));
      }
      rows.append('\n');
      prevHash = hash;
    }
    try {
      new CopyManager(connection.unwrap(BaseConnection.class)).copyIn("COPY audit_log (seq,"
          + " occurred_at, actor, role, action, patient_id, resource_id, correlation_id,"
          + " before_hash, after_hash, prev_hash, hash) FROM STDIN", new StringReader(rows.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY into audit_log failed: " + e.getMessage(), e);
    }
    return seq;
  }

  /** The chain's last row (or the genesis), read under the chain's lock. */
  private record Head(long seq, String hash) {}

  private static Head lockedHead(Connection connection) throws SQLException {
    lock(connection);
    try (PreparedStatement last = connection.prepareStatement(
        "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        ResultSet row = last.executeQuery()) {
      return row.next() ? new Head(row.getLong(1), row.getString(2)) : new Head(0, AuditHashing.GENESIS);
    }
  }

  /** COPY's text format: backslash, tab and line ends escaped. */
  private static String copyText(String value) {
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  /** Takes the chain's lock until the transaction ends (re-entrant within it). */
  static void lock(Connection connection) throws SQLException {
    if (connection.getAutoCommit()) {
      throw new IllegalStateException("audit append needs a transaction");
    }
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, LOCK_KEY);
      lock.execute();
    }
  }

  static long appendStamped(Connection connection, List<Stamped> events) throws SQLException {
    Head head = lockedHead(connection);
    long seq = head.seq();
    String prevHash = head.hash();
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO audit_log (seq, occurred_at, actor, role, action, patient_id, resource_id,"
            + " correlation_id, before_hash, after_hash, prev_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Stamped stamped : events) {
        seq++;
        Instant at = stamped.at().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditHashing.rowHash(seq, at, stamped.event(), prevHash);
        bind(insert, seq, at, stamped.event(), prevHash, hash);
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
    bindTimeAndEvent(insert, 2, now, event);
    insert.setString(11, prevHash);
    insert.setString(12, hash);
  }

  /** Binds occurred_at and the event's eight fields from {@code first} on, in table order. */
  static void bindTimeAndEvent(PreparedStatement insert, int first, Instant at, AuditEvent event)
      throws SQLException {
    insert.setObject(first, at.atOffset(ZoneOffset.UTC));
    insert.setString(first + 1, event.actor());
    insert.setString(first + 2, event.role());
    insert.setString(first + 3, event.action());
    if (event.patientId() == null) {
      insert.setNull(first + 4, Types.OTHER);
    } else {
      insert.setObject(first + 4, event.patientId());
    }
    insert.setString(first + 5, event.resourceId());
    insert.setString(first + 6, event.correlationId());
    insert.setString(first + 7, event.beforeHash());
    insert.setString(first + 8, event.afterHash());
  }
}
