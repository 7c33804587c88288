package br.prontuario.edge.common.idempotency;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Completed idempotency rows read from one database and written into another (failback: from the
 * cloud into the edge). The caller's JdbcTemplate decides which database and transaction.
 */
public final class IdempotencyRecords {

  private IdempotencyRecords() {}

  /** The completed row of (principal, key), if the database has one. */
  public static Optional<IdempotencyRecord> find(JdbcTemplate db, String principal, String key) {
    return db.query("SELECT request_hash, status, content_type, location, etag, body, created_at"
        + " FROM idempotency_keys WHERE principal = ? AND idem_key = ? AND status IS NOT NULL",
        (rs, i) -> new IdempotencyRecord(principal, key, rs.getString(1), rs.getInt(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getBytes(6),
            rs.getObject(7, OffsetDateTime.class)), principal, key).stream().findFirst();
  }

  /**
   * Inserts the completed row unless (principal, key) exists; true when inserted. It conflicts on
   * the primary key the {@link IdempotencyFilter} claims, so a request with that key in flight
   * (its claim not yet committed) makes this wait for it: exactly one of the two owns the key.
   * A request that arrives after this insert waits for our commit and then replays the row.
   */
  public static boolean insertIfAbsent(JdbcTemplate db, IdempotencyRecord row) {
    return db.update("INSERT INTO idempotency_keys (principal, idem_key, request_hash, status,"
        + " content_type, location, etag, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT DO NOTHING", row.principal(), row.key(), row.requestHash(), row.status(),
        row.contentType(), row.location(), row.etag(), row.body(), row.createdAt()) == 1;
  }

  /** The request hash stored for (principal, key), completed or still in flight. */
  public static Optional<String> requestHash(JdbcTemplate db, String principal, String key) {
    return db.queryForList("SELECT request_hash FROM idempotency_keys WHERE principal = ?"
        + " AND idem_key = ?", String.class, principal, key).stream().findFirst();
  }
}
