package br.prontuario.edge.common.idempotency;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Rows of {@code idempotency_keys}; callers hold a transaction around claim → complete. */
@Repository
class IdempotencyStore {

  private final JdbcTemplate jdbc;

  IdempotencyStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * True when this transaction now owns the key. A concurrent claimer of the same key blocks on
   * the unique index until the owner commits (then sees its row) or rolls back (then owns it).
   */
  boolean claim(String principal, String key, String requestHash) {
    return jdbc.update("INSERT INTO idempotency_keys (principal, idem_key, request_hash)"
        + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING", principal, key, requestHash) == 1;
  }

  void complete(String principal, String key, StoredResponse response) {
    jdbc.update("UPDATE idempotency_keys SET status = ?, content_type = ?, location = ?, etag = ?,"
        + " body = ? WHERE principal = ? AND idem_key = ?", response.status(),
        response.contentType(), response.location(), response.etag(), response.body(), principal,
        key);
  }

  /**
   * Makes this transaction's commit wait for the synchronous standby, as the original write's did.
   * A commit waiting for the standby is invisible to other sessions, but once that wait is
   * cancelled (a cancel request, a terminating backend) the row is visible while only the primary
   * holds it: a retry could find its stored response and acknowledge a write a failover would
   * lose. A transaction that wrote no WAL commits without waiting, so the replay rewrites the key's
   * row (an update that changes nothing still writes a row version); its commit returns only once
   * the standby holds everything up to it, the original write included (ReplayAwaitsTheStandbyIT,
   * docs/failover.md).
   */
  void awaitReplicated(String principal, String key) {
    jdbc.update("UPDATE idempotency_keys SET status = status WHERE principal = ? AND idem_key = ?",
        principal, key);
  }

  Optional<StoredResponse> find(String principal, String key) {
    return jdbc.query("SELECT request_hash, status, content_type, location, etag, body"
        + " FROM idempotency_keys WHERE principal = ? AND idem_key = ?",
        (rs, i) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getBytes(6)), principal, key)
        .stream().findFirst();
  }
}
