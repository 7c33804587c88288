package br.prontuario.edge.common.audit.anchor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Compares the audit chain with an anchor: the anchored row must still be there with the anchored
 * hash. Rows deleted from the tail (the chain stays self-consistent, so walking it cannot tell) and
 * a chain rewritten and rehashed up to the anchor both fail here. Plain JDBC, like the verifier.
 */
public final class AnchorCheck {

  private AnchorCheck() {}

  /** Empty when the chain agrees with the anchor; otherwise what is wrong, in one line. */
  public static Optional<String> problem(Connection connection, AuditAnchor anchor)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT (SELECT hash FROM audit_log WHERE seq = ?), (SELECT max(seq) FROM audit_log)")) {
      query.setLong(1, anchor.seq());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        String hash = row.getString(1);
        long last = row.getLong(2);
        if (hash == null && last < anchor.seq()) {
          return Optional.of("the chain ends at row " + last + " but was anchored at row "
              + anchor.seq() + " on " + anchor.anchoredAt() + ": rows were removed from its tail");
        }
        if (hash == null) {
          return Optional.of("row " + anchor.seq() + ", anchored on " + anchor.anchoredAt()
              + ", is missing");
        }
        if (!hash.equals(anchor.hash())) {
          return Optional.of("row " + anchor.seq() + " no longer has the hash anchored on "
              + anchor.anchoredAt() + ": the chain was rewritten");
        }
        return Optional.empty();
      }
    }
  }
}
