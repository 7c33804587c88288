package br.prontuario.edge.common.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Walks the audit chain in sequence order and names the first row that was altered or is
 * missing. Plain JDBC, so the CLI can run it without Spring.
 */
public final class AuditChainVerifier {

  /** The outcome of one verification. */
  public sealed interface Result permits Intact, Broken {}

  /** Every row present and unaltered. */
  public record Intact(long rows, String lastHash) implements Result {}

  /** The first bad row: {@code seq} is the row that is altered or missing. */
  public record Broken(long seq, String problem, long rowsChecked) implements Result {}

  /** A verified position: the chain was intact up to row {@code seq}, whose hash was this. */
  public record Position(long seq, String hash) {}

  /** Walks the whole chain from row 1. */
  public Result verify(Connection connection) throws SQLException {
    return verifyAfter(connection, new Position(0, AuditHashing.GENESIS));
  }

  /**
   * Walks only the rows after a position verified earlier, after checking that the row at that
   * position still has the hash it had then (a rewrite of the chain up to there, rehashed to stay
   * consistent, changes it). An edit of an older row that leaves the chain inconsistent is not
   * seen here: that is what the full walk is for. {@link Intact#rows()} is the chain's length.
   */
  public Result verifyAfter(Connection connection, Position from) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false); // lets the driver stream with a fetch size
    try {
      if (from.seq() > 0) {
        Broken moved = positionStillHolds(connection, from);
        if (moved != null) {
          return moved;
        }
      }
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT seq, occurred_at, actor, role, action, patient_id, resource_id, correlation_id,"
              + " before_hash, after_hash, prev_hash, hash FROM audit_log WHERE seq > ?"
              + " ORDER BY seq")) {
        query.setLong(1, from.seq());
        query.setFetchSize(1000);
        try (ResultSet rows = query.executeQuery()) {
          return walk(rows, from);
        }
      }
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
  }

  private static Broken positionStillHolds(Connection connection, Position from)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT hash FROM audit_log WHERE seq = ?")) {
      query.setLong(1, from.seq());
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return new Broken(from.seq(), "row " + from.seq() + " (verified before) is missing", 0);
        }
        if (!from.hash().equals(row.getString(1))) {
          return new Broken(from.seq(), "row " + from.seq()
              + " no longer has the hash it had when verified (the chain was rewritten)", 0);
        }
      }
    }
    return null;
  }

  private static Result walk(ResultSet rows, Position from) throws SQLException {
    long expectedSeq = from.seq() + 1;
    String prevHash = from.hash();
    long checked = 0;
    while (rows.next()) {
      long seq = rows.getLong("seq");
      if (seq != expectedSeq) {
        return new Broken(expectedSeq, "row " + expectedSeq + " is missing", checked);
      }
      AuditEvent event = new AuditEvent(rows.getString("actor"), rows.getString("role"),
          rows.getString("action"), rows.getObject("patient_id", UUID.class),
          rows.getString("resource_id"), rows.getString("correlation_id"),
          rows.getString("before_hash"), rows.getString("after_hash"));
      String storedPrev = rows.getString("prev_hash");
      String storedHash = rows.getString("hash");
      OffsetDateTime at = rows.getObject("occurred_at", OffsetDateTime.class);
      String recomputed = AuditHashing.rowHash(seq, at.toInstant(), event, storedPrev);
      if (!recomputed.equals(storedHash)) {
        return new Broken(seq, "row " + seq + " was altered (hash mismatch)", checked);
      }
      if (!prevHash.equals(storedPrev)) {
        // this row is self-consistent, so the previous one was rewritten with a fresh hash
        return new Broken(seq - 1, "row " + (seq - 1) + " was rewritten (row " + seq
            + " no longer links to it)", checked - 1);
      }
      prevHash = storedHash;
      expectedSeq++;
      checked++;
    }
    return new Intact(expectedSeq - 1, prevHash);
  }
}
