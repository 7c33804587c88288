package br.prontuario.edge.cloud.failback;

import br.prontuario.edge.common.idempotency.IdempotencyRecord;
import br.prontuario.edge.common.idempotency.IdempotencyRecords;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Carries the cloud's idempotency rows into the edge, inside the merge's edge transaction. The
 * insert races a clinician's retry on the edge through the primary key the edge's idempotency
 * filter claims: whichever commits first owns the key, the other sees it (the filter replays the
 * merged response; the merge leaves its copy out). One write, one record, whatever the order.
 */
final class EdgeKeys {

  private final JdbcTemplate cloud;
  private final JdbcTemplate edge;

  EdgeKeys(JdbcTemplate cloud, JdbcTemplate edge) {
    this.cloud = cloud;
    this.edge = edge;
  }

  /** principal = the record's author; key = the Idempotency-Key stored with it (may be null). */
  KeyOnEdge carry(String principal, String key) {
    if (principal == null || key == null) {
      return new KeyOnEdge.Unkeyed();
    }
    Optional<IdempotencyRecord> response = IdempotencyRecords.find(cloud, principal, key);
    if (response.isEmpty()) {
      return new KeyOnEdge.Unkeyed(); // older than the retention: nobody retries that late
    }
    if (IdempotencyRecords.insertIfAbsent(edge, response.get())) {
      return new KeyOnEdge.Carried();
    }
    // the insert waited for any edge request holding the key: its row is committed now
    Optional<String> edgeHash = IdempotencyRecords.requestHash(edge, principal, key);
    if (edgeHash.isEmpty() || !edgeHash.get().equals(response.get().requestHash())) {
      return new KeyOnEdge.OtherWrite();
    }
    return new KeyOnEdge.SameWrite(IdempotencyRecords.find(edge, principal, key)
        .flatMap(r -> createdId(r.location())).orElse(null));
  }

  /**
   * The edge record that stands for a cloud entry this or an earlier merge left out as a
   * SameWrite, so a cloud version that replaces it can follow the edge's record instead.
   */
  Optional<UUID> edgeTwin(UUID cloudEntry) {
    List<PrincipalKey> keys = cloud.query("SELECT recorded_by, idempotency_key"
        + " FROM clinical_entries WHERE id = ? AND idempotency_key IS NOT NULL",
        (rs, i) -> new PrincipalKey(rs.getString(1), rs.getString(2)), cloudEntry);
    return keys.stream().findFirst()
        .flatMap(k -> IdempotencyRecords.find(edge, k.principal(), k.key()))
        .flatMap(r -> createdId(r.location()))
        .filter(id -> Boolean.TRUE.equals(edge.queryForObject(
            "SELECT EXISTS (SELECT 1 FROM clinical_entries WHERE id = ?)", Boolean.class, id)));
  }

  private record PrincipalKey(String principal, String key) {}

  /** A create's Location ends with the new record's id (edge-node and cloud-fallback alike). */
  static Optional<UUID> createdId(String location) {
    if (location == null) {
      return Optional.empty();
    }
    String last = location.substring(location.lastIndexOf('/') + 1);
    try {
      return Optional.of(UUID.fromString(last));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }
}
